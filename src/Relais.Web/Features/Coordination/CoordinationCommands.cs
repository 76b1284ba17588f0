using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Audit;
using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Domain.Messaging;
using Relais.Web.Features.Access;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination;

/// <summary>
/// Documents, transmissions, GP events, referrals and messages: the write side shared by the API and
/// the pages. Each command ends with one SaveChanges, so a document, its transmission, the outbox rows
/// and the audit row commit together. Access was checked by the caller.
/// </summary>
public sealed class CoordinationCommands(RelaisDb db, Clock clock, Obligations obligations)
{
    /// <summary>The obligation a signed document fires, by kind (PRODUCT.md §4).</summary>
    public static ObligationCode? ObligationFor(DocumentKind kind, bool signerIsGp) => kind switch
    {
        DocumentKind.ExamResult => signerIsGp ? ObligationCode.C3 : ObligationCode.C1,
        DocumentKind.PathologyReport => ObligationCode.C2,
        DocumentKind.Pps => ObligationCode.C5,
        DocumentKind.TumorBoardReport => ObligationCode.C7,
        DocumentKind.TreatmentProtocol => ObligationCode.C8,
        DocumentKind.Ppac => ObligationCode.C11,
        DocumentKind.FollowUpProtocol => ObligationCode.C12,
        _ => null,
    };

    public async Task<(Document Document, Transmission? Transmission)> AddDocumentAsync(CurrentUser user, Guid patientId, DocumentKind kind, string? title,
        string? fileName, byte[] content, Guid? previousVersionId, bool sign, CancellationToken ct)
    {
        Document? previous = null;
        if (previousVersionId is { } prevId)
        {
            previous = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == prevId && d.PatientId == patientId, ct)
                ?? throw new DomainValidationException("previousVersionId", "La version précédente est introuvable pour ce patient.");
            var newest = await db.Documents.Where(d => d.LineageId == previous.LineageId).MaxAsync(d => d.Version, ct);
            if (newest != previous.Version)
                throw new DomainValidationException("previousVersionId", "Une version plus récente existe déjà ; partez de la dernière version.");
        }
        var now = clock.Now;
        var document = Document.Create(patientId, kind, title, fileName, content, user.Id, now, previous);
        db.Documents.Add(document);
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "document", AuditOutcomes.Allowed, kind.ToString()));
        Transmission? transmission = null;
        if (sign) transmission = await SignAndFireAsync(user, document, ct);
        await db.SaveChangesAsync(ct);
        return (document, transmission);
    }

    public async Task<(Document? Document, Transmission? Transmission)> SignAsync(CurrentUser user, Guid patientId, Guid documentId, CancellationToken ct)
    {
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId && d.PatientId == patientId, ct);
        if (document is null) return (null, null);
        var transmission = await SignAndFireAsync(user, document, ct);
        await db.SaveChangesAsync(ct);
        return (document, transmission);
    }

    private async Task<Transmission?> SignAndFireAsync(CurrentUser user, Document document, CancellationToken ct)
    {
        document.Sign(user.Id, clock.Now);
        var code = ObligationFor(document.Kind, user.IsInRole(Roles.GeneralPractitioner));
        if (code is null) return null;
        var versionNote = document.Version > 1 ? $"{document.Title} (version {document.Version})" : document.Title;
        return await obligations.FireAsync(code.Value, document.PatientId, user.Id, document.Id, versionNote, null, ct: ct);
    }

    public async Task<Transmission> SendAsync(CurrentUser user, Guid patientId, TransmissionInput input, CancellationToken ct)
    {
        if (input.Obligation is not { } code) throw new DomainValidationException("obligation", "L'obligation (C1 à C15) est obligatoire.");
        if (input.DocumentId is { } documentId)
        {
            var document = await db.Documents.AsNoTracking().Where(d => d.Id == documentId && d.PatientId == patientId).Select(d => new { d.SignedAt }).FirstOrDefaultAsync(ct)
                ?? throw new DomainValidationException("documentId", "Ce document n'existe pas dans le dossier de ce patient.");
            if (document.SignedAt is null) throw new DomainValidationException("documentId", "Seul un document signé peut être transmis.");
        }
        var transmission = await obligations.FireAsync(code, patientId, user.Id, input.DocumentId, input.Title, input.Message, input.Urgent, requireRecipients: true, ct);
        // [G] 1.2: the GP's answer before the announcement is the patient's context; it joins the announcement record.
        if (code == ObligationCode.C4 && user.IsInRole(Roles.GeneralPractitioner) && input.Message is { Length: > 0 } context)
        {
            var episodeId = await db.Episodes.Where(e => e.PatientId == patientId).OrderByDescending(e => e.PhaseSince).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
            if (episodeId is { } id)
            {
                var record = await db.Announcements.FirstOrDefaultAsync(a => a.PatientId == patientId && a.EpisodeId == id, ct);
                if (record is null) db.Announcements.Add(record = Domain.Announcements.AnnouncementRecord.Open(patientId, id, clock.Now));
                record.RecordGpContext(context, clock.Now);
            }
        }
        await db.SaveChangesAsync(ct);
        return transmission;
    }

    /// <summary>"Pris connaissance": only the recipient closes the loop. Audited.</summary>
    public async Task<bool> AcknowledgeAsync(CurrentUser user, Guid patientId, Guid transmissionId, CancellationToken ct)
    {
        var entry = await db.TransmissionRecipients.FirstOrDefaultAsync(r => r.TransmissionId == transmissionId && r.PatientId == patientId && r.RecipientId == user.Id, ct);
        if (entry is null) return false;
        entry.Acknowledge(clock.Now);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "acknowledge", AuditOutcomes.Allowed, transmissionId.ToString()));
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task MarkReadAsync(CurrentUser user, Guid transmissionId, CancellationToken ct)
    {
        var entry = await db.TransmissionRecipients.FirstOrDefaultAsync(r => r.TransmissionId == transmissionId && r.RecipientId == user.Id, ct);
        if (entry is null || entry.ReadAt is not null) return;
        entry.MarkRead(clock.Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The GP reports an event (C9 between cycles, C13 during follow-up, C14 suspected recurrence).
    /// Grade ≥ 3 is urgent to the team; a suspected recurrence also opens the team's referral task.
    /// </summary>
    public async Task<(ClinicalEvent Event, Transmission Transmission, ReferralTask? Referral)> ReportEventAsync(CurrentUser user, Guid patientId, ClinicalEventInput input, CancellationToken ct)
    {
        if (input.Kind is not { } kind) throw new DomainValidationException("kind", "Le type d'événement est obligatoire.");
        if (input.OccurredOn is not { } occurredOn) throw new DomainValidationException("occurredOn", "La date de l'événement est obligatoire.");
        var today = clock.Today;
        var now = clock.Now;
        var evt = ClinicalEvent.Report(patientId, kind, input.Description, occurredOn, input.Grade, input.TreatmentsGiven, input.SuspectedDrug, user.Id, today, now);
        db.ClinicalEvents.Add(evt);
        var title = kind switch
        {
            ClinicalEventKind.BetweenCycles => $"Événement intercurrent (grade {evt.Grade})",
            ClinicalEventKind.DuringFollowUp => $"Événement pendant le suivi (grade {evt.Grade})",
            _ => "Suspicion de récidive : adressage au spécialiste",
        };
        var message = $"{evt.Description}\nSurvenu le {evt.OccurredOn:dd/MM/yyyy}."
            + (evt.TreatmentsGiven is null ? "" : $"\nTraitements administrés : {evt.TreatmentsGiven}")
            + (evt.SuspectedDrug is null ? "" : $"\nMédicament suspecté : {evt.SuspectedDrug}");
        var transmission = await obligations.FireAsync(evt.Obligation, patientId, user.Id, null, title, message, evt.IsUrgent, requireRecipients: true, ct);
        evt.Transmitted(transmission.Id);
        ReferralTask? referral = null;
        if (kind == ClinicalEventKind.SuspectedRecurrence)
        {
            referral = ReferralTask.Open(patientId, evt.Id, evt.Description, today, user.Id, now);
            db.ReferralTasks.Add(referral);
        }
        await db.SaveChangesAsync(ct);
        return (evt, transmission, referral);
    }

    public async Task<bool> DeclarePharmacovigilanceAsync(Guid patientId, Guid eventId, CancellationToken ct)
    {
        var evt = await db.ClinicalEvents.FirstOrDefaultAsync(e => e.Id == eventId && e.PatientId == patientId, ct);
        if (evt is null) return false;
        evt.PharmacovigilanceDeclared(clock.Now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> CloseReferralAsync(CurrentUser user, Guid patientId, Guid referralId, bool done, CancellationToken ct)
    {
        var referral = await db.ReferralTasks.FirstOrDefaultAsync(r => r.Id == referralId && r.PatientId == patientId, ct);
        if (referral is null) return false;
        referral.Close(user.Id, clock.Now, done);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Posts to a patient's thread: the care-team thread is for professionals, the patient thread for the patient and the team.</summary>
    public async Task<ThreadMessage> PostMessageAsync(CurrentUser user, Guid patientId, MessageInput input, CancellationToken ct)
    {
        var thread = input.Thread ?? (user.Kind == AccessorKind.Patient ? ThreadKind.Patient : ThreadKind.CareTeam);
        if (thread == ThreadKind.CareTeam && user.Kind != AccessorKind.Professional)
            throw new DomainValidationException("thread", "Le fil de l'équipe de soins est réservé aux professionnels.");
        var message = ThreadMessage.Post(patientId, thread, user.Id, input.Body, clock.Now);
        db.ThreadMessages.Add(message);
        await MarkThreadReadAsync(user, patientId, thread, message.SentAt, ct);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "message", AuditOutcomes.Allowed, thread.ToString()));
        await db.SaveChangesAsync(ct);
        return message;
    }

    public async Task MarkThreadReadAsync(CurrentUser user, Guid patientId, ThreadKind thread, DateTimeOffset upTo, CancellationToken ct)
    {
        var mark = await db.ThreadReadMarks.FirstOrDefaultAsync(m => m.UserId == user.Id && m.PatientId == patientId && m.Thread == thread, ct);
        if (mark is null) db.ThreadReadMarks.Add(ThreadReadMark.Create(patientId, thread, user.Id, upTo));
        else mark.MoveTo(upTo);
    }
}
