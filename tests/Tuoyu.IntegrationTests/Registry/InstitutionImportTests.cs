using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Modules.Registry.Institutions;

namespace Tuoyu.IntegrationTests.Registry;

/// <summary>
/// Issue #3 item 8, Excel import of institutions (ADR 0017): the same validator as POST per row, good rows imported together,
/// bad rows reported field by field and never half written, a dry run writes nothing, and only real .xlsx files are read.
/// </summary>
public abstract class InstitutionImportTests(AppFixture fixture)
{
    private const string Import = "/api/v1/institutions/import";

    private static Dictionary<string, object?> Row(TestWorld w, string name, string? creditCode = null) => new()
    {
        ["机构名称"] = name + w.Suffix, ["统一社会信用代码"] = creditCode ?? InstitutionMasterDataTests.NewCreditCode(), ["机构类型"] = "托育机构",
        ["举办性质"] = "民办", ["公建民营"] = "否", ["法人登记"] = "营利性", ["所在街道区划代码"] = TestWorld.FurongStreet, ["地址"] = "芙蓉区导入路1号",
        ["纬度"] = 28.2, ["经度"] = 112.98, ["联系电话"] = "0731-84440000", ["服务类型"] = "全日托、计时托", ["开放时间"] = "07:30–17:30",
        ["登记托位"] = 40, ["建筑面积"] = 400, ["户外场地面积"] = 120, ["保险有效期至"] = "2026-12-31", ["承保机构"] = "某保险", ["云监管"] = "是",
        ["连锁品牌"] = null, ["举办单位"] = null, ["所属幼儿园"] = null, ["开办日期"] = "2025-03-01",
    };

    private static byte[] Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList());
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName = "机构.xlsx", bool dryRun = false)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var form = new MultipartFormDataContent { { file, "file", fileName } };
        return await client.PostAsync(Import + (dryRun ? "?dryRun=true" : string.Empty), form);
    }

    private string _suffix = "";

    private async Task<TestWorld> NewWorldAsync()
    {
        var w = await fixture.NewWorldAsync();
        _suffix = w.Suffix;
        return w;
    }

    /// <summary>Institutions of this test's world (other tests write to the same database at the same time).</summary>
    private Task<int> CountAsync() => fixture.Factory.WithDbAsync(db => db.Institutions.CountAsync(i => i.Name.Contains(_suffix)));

    private Task<List<string>> ExistingAsync(IEnumerable<string> creditCodes)
    {
        var codes = creditCodes.ToList();
        return fixture.Factory.WithDbAsync(db => db.Institutions.Where(i => codes.Contains(i.CreditCode)).Select(i => i.CreditCode).ToListAsync());
    }

    /// <summary>Seven rows: two good, five bad for five different reasons.</summary>
    private async Task<(byte[] File, string Good1, string Good2, string BadCode)> MixedAsync(TestWorld w)
    {
        var reg = await w.ClientAsync(w.RegulatorA);
        var existing = (await ApiAssert.OkAsync(await reg.GetAsync($"/api/v1/institutions/{w.InstitutionA}"))).GetProperty("creditCode").GetString()!;
        var good1 = Row(w, "导入甲");
        var badCode = Row(w, "导入乙");
        var code = (string)badCode["统一社会信用代码"]!;
        badCode["统一社会信用代码"] = code[..17] + (code[17] == '0' ? '1' : '0');
        var duplicate = Row(w, "导入丙", (string)good1["统一社会信用代码"]!);
        var outside = Row(w, "导入丁");
        outside["所在街道区划代码"] = TestWorld.YueluStreet;
        var good2 = Row(w, "导入戊");
        good2["机构类型"] = "用人单位办托";
        good2["举办单位"] = "长沙某科技有限公司";
        good2["服务类型"] = "全日托、半日托";
        good2["连锁品牌"] = "导入连锁" + w.Suffix;
        var taken = Row(w, "导入己", existing);
        var slots = Row(w, "导入庚");
        slots["登记托位"] = "很多";
        var file = Workbook([good1, badCode, duplicate, outside, good2, taken, slots]);
        return (file, (string)good1["统一社会信用代码"]!, (string)good2["统一社会信用代码"]!, code);
    }

    private static void AssertRow(JsonElement report, int row, string status, params string[] errorFields)
    {
        var r = report.GetProperty("rows").EnumerateArray().Single(x => x.GetProperty("row").GetInt32() == row);
        Assert.Equal(status, r.GetProperty("status").GetString());
        Assert.Equal(errorFields, r.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToArray());
    }

    [Fact]
    public async Task A_mixed_file_imports_the_good_rows_and_reports_each_bad_row_with_its_field()
    {
        var w = await NewWorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var (file, good1, good2, badCode) = await MixedAsync(w);
        var count = await CountAsync();

        var report = await ApiAssert.OkAsync(await UploadAsync(reg, file));
        Assert.Equal(7, report.GetProperty("total").GetInt32());
        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        Assert.Equal(5, report.GetProperty("failed").GetInt32());
        Assert.False(report.GetProperty("dryRun").GetBoolean());
        AssertRow(report, 2, "imported");
        AssertRow(report, 3, "failed", "creditCode");
        AssertRow(report, 4, "failed", "creditCode");
        AssertRow(report, 5, "failed", "regionCode");
        AssertRow(report, 6, "imported");
        AssertRow(report, 7, "failed", "creditCode");
        AssertRow(report, 8, "failed", "registeredSlots");
        var row4 = report.GetProperty("rows").EnumerateArray().Single(x => x.GetProperty("row").GetInt32() == 4);
        Assert.Contains("第2行", row4.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("统一社会信用代码", row4.GetProperty("errors")[0].GetProperty("column").GetString());

        Assert.Equal(count + 2, await CountAsync());
        Assert.Equal(new[] { good1, good2 }.Order(), (await ExistingAsync([good1, good2, badCode])).Order());
        var id = report.GetProperty("rows").EnumerateArray().Single(x => x.GetProperty("row").GetInt32() == 6).GetProperty("id").GetGuid();
        var d = await ApiAssert.OkAsync(await reg.GetAsync($"/api/v1/institutions/{id}"));
        Assert.Equal("EmployerRun", d.GetProperty("kindCode").GetString());
        Assert.Equal("长沙某科技有限公司", d.GetProperty("employerName").GetString());
        Assert.Equal(["FullDay", "HalfDay"], d.GetProperty("serviceCodes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("导入连锁" + w.Suffix, d.GetProperty("chainName").GetString());
        Assert.Equal("NotFiled", d.GetProperty("filingStatusCode").GetString());

        // Importing the same file again: every row now fails, nothing is written.
        var again = await ApiAssert.OkAsync(await UploadAsync(reg, file));
        Assert.Equal(0, again.GetProperty("imported").GetInt32());
        Assert.Equal(count + 2, await CountAsync());
    }

    [Fact]
    public async Task A_dry_run_reports_the_same_rows_and_writes_nothing()
    {
        var w = await NewWorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var (file, good1, good2, _) = await MixedAsync(w);
        var count = await CountAsync();
        var report = await ApiAssert.OkAsync(await UploadAsync(reg, file, dryRun: true));
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal(0, report.GetProperty("imported").GetInt32());
        Assert.Equal(5, report.GetProperty("failed").GetInt32());
        AssertRow(report, 2, "valid");
        AssertRow(report, 6, "valid");
        AssertRow(report, 5, "failed", "regionCode");
        Assert.Equal(count, await CountAsync());
        Assert.Empty(await ExistingAsync([good1, good2]));
    }

    [Fact]
    public async Task Anything_but_a_real_xlsx_is_400_on_file_and_writes_nothing()
    {
        var w = await NewWorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var count = await CountAsync();
        var csv = "机构名称,统一社会信用代码\n测试,123\n"u8.ToArray();
        foreach (var response in new[]
        {
            await UploadAsync(reg, csv, "机构.xlsx"),
            await UploadAsync(reg, csv, "机构.csv"),
            await UploadAsync(reg, Workbook([Row(w, "x")]), "机构.xls"),
            await UploadAsync(reg, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "坏文件.xlsx"),
            await UploadAsync(reg, new byte[InstitutionImportHandler.MaxBytes + 1], "太大.xlsx"),
            await UploadAsync(reg, Workbook([new Dictionary<string, object?> { ["名称"] = "x" }]), "缺列.xlsx"),
        })
        {
            var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _), problem.ToString());
        }

        // Not a form at all: 415, as the endpoint declares multipart/form-data.
        await ApiAssert.ProblemAsync(await reg.PostAsJsonAsync(Import, new { name = "x" }), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(count, await CountAsync());
        var admin = await w.ClientAsync(w.AdminA);
        await ApiAssert.ProblemAsync(await UploadAsync(admin, Workbook([Row(w, "机构自己导入")])), HttpStatusCode.Forbidden);
        Assert.Equal(count, await CountAsync());
    }

    [Fact]
    public async Task The_template_has_every_column_and_an_example_row_that_is_never_imported()
    {
        var w = await NewWorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var response = await reg.GetAsync(Import + "/template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var stream = new MemoryStream(bytes))
        {
            var rows = stream.Query(useHeaderRow: true, sheetName: "托育机构").Cast<IDictionary<string, object?>>().ToList();
            var example = Assert.Single(rows);
            Assert.Equal(InstitutionImportHandler.Columns.Select(c => c.Header), example.Keys);
        }

        var count = await CountAsync();
        var report = await ApiAssert.OkAsync(await UploadAsync(reg, bytes, "模板.xlsx"));
        Assert.Equal(0, report.GetProperty("total").GetInt32());
        AssertRow(report, 2, "skipped", "name");
        Assert.Equal(count, await CountAsync());
    }
}

public sealed class SqliteInstitutionImportTests(SqliteFixture fixture) : InstitutionImportTests(fixture);

public sealed class PostgresInstitutionImportTests(PostgresFixture fixture) : InstitutionImportTests(fixture);
