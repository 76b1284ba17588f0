using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.Documents;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.Documents;

public sealed record UploadDocumentRequest(DocumentKind Kind, string? Title, string? FileName, byte[] Content, Guid? PreviousVersionId, bool Sign);

/// <summary>
/// Adds a document (or a new version of one) to a patient's record, audited; signed at once if asked,
/// which fires its obligation. The document, its transmission, the outbox rows and the audit rows
/// commit together. Access was checked by the caller.
/// </summary>
public sealed class UploadDocument(RelaisDb db, Clock clock, SignDocument sign)
{
    /// <summary>The limit as people read it, from the domain's own constant.</summary>
    public static string MaxSizeText => $"{Document.MaxSize / (1024 * 1024)} Mo";

    /// <summary>
    /// Reads an uploaded file, refusing a missing one and one over <see cref="Document.MaxSize"/> before
    /// it is buffered (the domain checks the size again on the bytes).
    /// </summary>
    public static async Task<(string FileName, byte[] Content)> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null) throw new DomainValidationException("file", "Joignez le fichier (PDF, PNG ou JPEG).");
        if (file.Length > Document.MaxSize) throw new DomainValidationException("file", $"Le fichier dépasse la taille maximale de {MaxSizeText}.");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return (file.FileName, buffer.ToArray());
    }

    public async Task<SignedDocument> HandleAsync(CurrentUser user, Guid patientId, UploadDocumentRequest request, CancellationToken ct)
    {
        Document? previous = null;
        if (request.PreviousVersionId is { } prevId)
        {
            previous = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == prevId && d.PatientId == patientId, ct)
                ?? throw new DomainValidationException("previousVersionId", "La version précédente est introuvable pour ce patient.");
            var newest = await db.Documents.Where(d => d.LineageId == previous.LineageId).MaxAsync(d => d.Version, ct);
            if (newest != previous.Version)
                throw new DomainValidationException("previousVersionId", "Une version plus récente existe déjà ; partez de la dernière version.");
        }
        var now = clock.Now;
        var document = Document.Create(patientId, request.Kind, request.Title, request.FileName, request.Content, user.Id, now, previous);
        db.Documents.Add(document);
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "document", AuditOutcomes.Allowed, request.Kind.ToString()));
        var transmission = request.Sign ? await sign.SignAndFireAsync(user, document, ct) : null;
        await db.SaveChangesAsync(ct);
        return new SignedDocument(document, transmission);
    }
}
