namespace Tuoyu.Web.Modules.Registry.Classes;

/// <summary>A class as the API and the pages show it. <c>Type</c> is the API name ("Infant" …), <c>TypeName</c> the Chinese one.</summary>
public sealed record ClassDto(Guid Id, string Name, string Type, string TypeName, int Capacity, string AgeRange,
    int AgeFromMonths, int AgeToMonths, bool UnderTwo, int Version);

/// <summary><c>Type</c> is one of "Infant" (乳儿班), "Toddler" (托小班), "Preschool" (托大班), "Mixed" (混合班).</summary>
public sealed record CreateClassRequest(string? Name, string? Type, int? Capacity);

/// <summary>The type of a class does not change; a different type is a different class.</summary>
public sealed record UpdateClassRequest(string? Name, int? Capacity, int? Version);
