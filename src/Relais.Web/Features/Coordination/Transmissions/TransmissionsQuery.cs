using Microsoft.EntityFrameworkCore;
using Relais.Domain.Coordination;
using Relais.Web.Data;

namespace Relais.Web.Features.Coordination.Transmissions;

public sealed record RecipientDto(Guid Id, Guid UserId, string Name, RecipientKinds Kind, TransmissionStatus Status, DateTimeOffset DueAt,
    DateTimeOffset? DeliveredAt, DateTimeOffset? MailSentAt, DateTimeOffset? ReadAt, DateTimeOffset? AcknowledgedAt,
    bool IsEscalation = false, DateTimeOffset? EscalatedAt = null, DateTimeOffset? HandedOnAt = null)
{
    /// <summary>The row the team's owner answers for (<see cref="TeamSignals"/>).</summary>
    public bool IsTeamItem => Kind == RecipientKinds.SpecialistTeam && !IsEscalation;

    /// <summary>Addressed to the patient, who has no activated portal account yet: not yet received (issue 11).</summary>
    public bool AwaitingPortalAccount { get; init; }
}

public sealed record TransmissionDto(Guid Id, Guid PatientId, ObligationCode Obligation, string ObligationLabel, string Title, string? Message,
    Guid? DocumentId, string Sender, DateTimeOffset CreatedAt, DateTimeOffset DueAt, bool Urgent, TransmissionStatus Status,
    IReadOnlyList<RecipientDto> Recipients);

/// <summary>A patient's transmissions with each recipient's status. Access was checked by the caller.</summary>
public sealed class TransmissionsQuery(RelaisDb db, Clock clock)
{
    /// <summary>The most a patient's list shows, the latest first; the total says how many there are.</summary>
    public const int MaxItems = 200;

    public async Task<Capped<TransmissionDto>> ListAsync(Guid patientId, CancellationToken ct)
    {
        var transmissions = await db.Transmissions.AsNoTracking().Include(t => t.Recipients)
            .Where(t => t.PatientId == patientId).OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id).ToCappedAsync(MaxItems, ct);
        return new(await ToDtosAsync(transmissions.Items, ct), transmissions.Total);
    }

    public async Task<TransmissionDto?> GetAsync(Guid patientId, Guid transmissionId, CancellationToken ct)
    {
        var t = await db.Transmissions.AsNoTracking().Include(x => x.Recipients).FirstOrDefaultAsync(x => x.Id == transmissionId && x.PatientId == patientId, ct);
        return t is null ? null : (await ToDtosAsync([t], ct))[0];
    }

    private async Task<IReadOnlyList<TransmissionDto>> ToDtosAsync(IReadOnlyList<Transmission> transmissions, CancellationToken ct)
    {
        var now = clock.Now;
        var names = await ProfessionalNames.OfAsync(db, transmissions.Select(t => t.SenderId).Concat(transmissions.SelectMany(t => t.Recipients.Select(r => r.RecipientId))), ct);
        return transmissions.Select(t =>
        {
            var recipients = t.Recipients.Select(r => new RecipientDto(r.Id, r.RecipientId,
                r.AwaitsPortalAccount ? PendingTransmissionsQuery.AwaitingPatient : names.GetValueOrDefault(r.RecipientId, "?"), r.Kind, r.StatusAt(now),
                r.DueAt, r.DeliveredAt, r.MailSentAt, r.ReadAt, r.AcknowledgedAt, r.IsEscalation, r.EscalatedAt, r.HandedOnAt)
                { AwaitingPortalAccount = r.AwaitsPortalAccount }).ToList();
            return new TransmissionDto(t.Id, t.PatientId, t.Obligation, ObligationCatalogue.Get(t.Obligation).Trigger, t.Title, t.Message, t.DocumentId,
                names.GetValueOrDefault(t.SenderId, "?"), t.CreatedAt, t.DueAt, t.Urgent, Overall(recipients.Select(r => r.Status)), recipients);
        }).ToList();
    }

    /// <summary>A transmission is acknowledged when every recipient has; late or failed as soon as one is.</summary>
    public static TransmissionStatus Overall(IEnumerable<TransmissionStatus> statuses)
    {
        var list = statuses.ToList();
        if (list.Count == 0) return TransmissionStatus.Pending;
        if (list.Contains(TransmissionStatus.Failed)) return TransmissionStatus.Failed;
        if (list.Contains(TransmissionStatus.Late)) return TransmissionStatus.Late;
        if (list.All(s => s == TransmissionStatus.Acknowledged)) return TransmissionStatus.Acknowledged;
        if (list.Contains(TransmissionStatus.Pending)) return TransmissionStatus.Pending;
        return TransmissionStatus.Delivered;
    }
}
