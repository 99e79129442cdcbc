namespace Tuoyu.BrowserTests;

// The API's answers as the tests read them (camelCase JSON); the app's own types are not used on purpose.

public sealed record SummaryAnswer(string ScopeName, int Institutions, int RegisteredSlots, int EnrolledChildren, DateOnly AsOf);

public sealed record InstitutionItem(Guid Id, string Name, string RegionCode, string RegionName);

public sealed record PageAnswer<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public sealed record RegionItem(string Code, string Name, int Level, string LevelName, string? ParentCode);

public sealed record PublicClassItem(string Type, string AgeRange, int Classes, int Capacity, int Enrolled, int Vacancies);

public sealed record PublicInstitutionItem(Guid Id, string Name, string Kind, string Address, IReadOnlyList<PublicClassItem> Classes, double? DistanceKm = null);

public sealed record FilingQueueEntry(Guid InstitutionId, string Name, string Status, DateTime? SubmittedAt, int Submissions);

public sealed record FilingStateAnswer(string Status, string StatusName, DateOnly? FiledOn);
