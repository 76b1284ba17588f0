using System.Security.Cryptography;

namespace Relais.Domain.Documents;

public enum DocumentKind
{
    ExamResult,
    PathologyReport,
    TumorBoardReport,
    Pps,
    Ppac,
    TreatmentProtocol,
    FollowUpProtocol,
    Letter,
}

/// <summary>
/// A clinical document of a patient: uploaded (PDF or image) or produced by Relais. A new version
/// is a new row of the same lineage; once signed, a version never changes.
/// </summary>
public sealed class Document
{
    private Document() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    /// <summary>The first version's id: all versions of one document share it.</summary>
    public Guid LineageId { get; private set; }
    public int Version { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? SignedBy { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }

    public bool IsSigned => SignedAt is not null;

    public const long MaxSize = 20 * 1024 * 1024;

    public static Document Create(Guid patientId, DocumentKind kind, string? title, string? fileName, byte[] content, Guid by, DateTimeOffset now, Document? previous = null)
    {
        var text = title?.Trim();
        if (string.IsNullOrEmpty(text))
            throw new DomainValidationException("title", "Le titre du document est obligatoire.");
        if (text.Length > 200)
            throw new DomainValidationException("title", "Le titre est limité à 200 caractères.");
        if (content.Length == 0)
            throw new DomainValidationException("file", "Le fichier est vide.");
        if (content.Length > MaxSize)
            throw new DomainValidationException("file", $"Le fichier dépasse la taille maximale de {MaxSize / (1024 * 1024)} Mo.");
        var contentType = ContentSniffer.Detect(content)
            ?? throw new DomainValidationException("file", "Seuls les documents PDF et les images PNG ou JPEG sont acceptés (type vérifié sur le contenu).");
        if (previous is not null && (previous.PatientId != patientId || previous.Kind != kind))
            throw new DomainValidationException("previousVersionId", "Une nouvelle version doit concerner le même patient et le même type de document.");
        var id = Guid.CreateVersion7(now);
        return new Document
        {
            Id = id,
            PatientId = patientId,
            LineageId = previous?.LineageId ?? id,
            Version = (previous?.Version ?? 0) + 1,
            Kind = kind,
            Title = text,
            ContentType = contentType,
            FileName = SafeFileName(fileName, contentType),
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            CreatedBy = by,
            CreatedAt = now,
        };
    }

    /// <summary>Signs the version: from then on it is immutable, and its signature says who and when.</summary>
    public void Sign(Guid by, DateTimeOffset now)
    {
        if (IsSigned)
            throw new DomainValidationException("document", "Ce document est déjà signé ; une modification passe par une nouvelle version.");
        SignedBy = by;
        SignedAt = now;
    }

    private static string SafeFileName(string? name, string contentType)
    {
        var extension = contentType switch { "application/pdf" => ".pdf", "image/png" => ".png", _ => ".jpg" };
        var stem = Path.GetFileNameWithoutExtension(name ?? "");
        var clean = new string(stem.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ').ToArray()).Trim();
        if (clean.Length == 0) clean = "document";
        if (clean.Length > 80) clean = clean[..80];
        return clean + extension;
    }
}

/// <summary>Recognises accepted files by their first bytes, never by their name.</summary>
public static class ContentSniffer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8)) return "application/pdf";
        if (content.StartsWith(PngSignature)) return "image/png";
        if (content.Length > 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF) return "image/jpeg";
        return null;
    }
}
