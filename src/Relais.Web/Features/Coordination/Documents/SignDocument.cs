using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.Documents;

public sealed record SignedDocument(Document Document, Transmission? Transmission);

/// <summary>
/// Signs a document: from then on it never changes, and its kind's obligation fires
/// (<see cref="DocumentObligations"/>) in the same unit of work. Access was checked by the caller; a signature
/// sends the document, so who may sign a kind is the capability table's (<see cref="Capabilities.ToSign"/>).
/// </summary>
public sealed class SignDocument(RelaisDb db, Clock clock, Obligations obligations, CapabilityCheck capabilities)
{
    /// <returns>Null when the patient has no such document.</returns>
    public async Task<SignedDocument?> HandleAsync(CurrentUser user, Guid patientId, Guid documentId, CancellationToken ct)
    {
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId && d.PatientId == patientId, ct);
        if (document is null) return null;
        var transmission = await SignAndFireAsync(user, document, ct);
        await db.SaveChangesAsync(ct);
        return new SignedDocument(document, transmission);
    }

    /// <summary>
    /// Refuses (<see cref="CapabilityRefusedException"/>) a role that does not sign this kind: the upload form asks it
    /// before keeping a document meant to be signed after its preview, so the refusal comes at once.
    /// </summary>
    public async Task EnsureMaySignAsync(CurrentUser user, DocumentKind kind, CancellationToken ct)
    {
        var needed = Capabilities.ToSign(kind);
        if (!await capabilities.AllowsAsync(user, needed, null, ct))
            throw new CapabilityRefusedException(needed, needed == Capability.SignPathologyReport
                ? "Le compte rendu anatomopathologique est signé par un anatomopathologiste."
                : $"Votre rôle ne signe pas ce type de document (capacité « {Capabilities.Code(needed)} »).");
    }

    /// <summary>Signs and fires the obligation in the caller's unit of work, without saving (for <see cref="UploadDocument"/>).</summary>
    internal async Task<Transmission?> SignAndFireAsync(CurrentUser user, Document document, CancellationToken ct)
    {
        await EnsureMaySignAsync(user, document.Kind, ct);
        document.Sign(user.Id, clock.Now);
        var code = DocumentObligations.For(document.Kind, user.IsInRole(Roles.GeneralPractitioner));
        if (code is null) return null;
        var versionNote = document.Version > 1 ? $"{document.Title} (version {document.Version})" : document.Title;
        return await obligations.FireAsync(code.Value, document.PatientId, user.Id, document.Id, versionNote, null, ct: ct);
    }
}
