namespace Tuoyu.Web.Modules.Registry.Contracts;

/// <summary>托育服务类型 (Zhuzhou 三(三)2; national 三): an institution offers a set; a fee or an enrollment names one.</summary>
[Flags]
public enum CareServices
{
    None = 0,
    /// <summary>全日托</summary>
    FullDay = 1,
    /// <summary>半日托</summary>
    HalfDay = 2,
    /// <summary>计时托</summary>
    Hourly = 4,
    /// <summary>临时托</summary>
    Temporary = 8,
}
