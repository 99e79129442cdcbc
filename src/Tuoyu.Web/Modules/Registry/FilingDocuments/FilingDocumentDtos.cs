namespace Tuoyu.Web.Modules.Registry.FilingDocuments;

/// <summary>
/// One uploaded filing document (metadata only). <c>Kind</c> is the API name ("FireSafety"), <c>KindName</c> the
/// Chinese one; <c>SupersededAt</c> (UTC) is set when a newer upload of the kind replaced it or it was withdrawn.
/// </summary>
public sealed record FilingDocumentDto(Guid Id, string Kind, string KindName, string FileName, string ContentType, long SizeBytes,
    string Sha256, string UploadedByUserName, DateTime UploadedAt, DateTime? SupersededAt)
{
    public bool IsCurrent => SupersededAt is null;
}

/// <summary>A kind of document, with its API and Chinese names.</summary>
public sealed record FilingDocumentKindDto(string Kind, string KindName);

/// <summary>
/// An institution's filing documents: current ones and superseded ones (newest first), whether they may change now
/// (<c>Editable</c>: 未备案 or 已退回), the kinds a submission needs and the ones still missing.
/// </summary>
public sealed record FilingDocumentsDto(Guid InstitutionId, string Status, bool Editable, IReadOnlyList<FilingDocumentKindDto> Required,
    IReadOnlyList<FilingDocumentKindDto> Missing, IReadOnlyList<FilingDocumentDto> Documents);

/// <summary>The bytes of a document, with the name and type to serve them under.</summary>
public sealed record FilingDocumentFile(string DownloadName, string ContentType, byte[] Bytes);
