namespace Tuoyu.Web.Modules.Enrollment.Photos;

/// <summary>An uploaded photo: attach it by <c>Id</c> (<c>photoId</c>) to today's daily note or a message.</summary>
public sealed record PhotoDto(Guid Id, string ContentType, long SizeBytes, string Url);

/// <summary>A photo's bytes for streaming.</summary>
public sealed record PhotoContent(byte[] Bytes, string ContentType);
