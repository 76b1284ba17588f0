using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Continuity;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Features.Appointments;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Continuity.Deferrals;

/// <summary>The item a deferral puts off: <c>kind</c> is <c>appointment</c> or <c>carnet-item</c>, <c>id</c> that item's.</summary>
public sealed record DeferredItemInput(string? Kind, Guid? Id);

/// <summary>Body of <c>POST /api/patients/{id}/deferrals</c>; priority <c>high</c>, <c>medium</c> or <c>low</c>.</summary>
public sealed record DeferralInput(DeferredItemInput? Item, string? Reason, string? Priority, DateOnly? Until);

public sealed record DeferralDto(Guid Id, Guid PatientId, string ItemKind, Guid ItemId, string What, DateOnly OriginalDate, string Reason, string Priority, string PriorityLabel,
    int MaxDelayDays, DateOnly? Until, DateOnly Deadline, bool Overdue, Guid DecidedBy, DateTimeOffset DecidedAt, DateTimeOffset? EndedAt, DateOnly? RescheduledOn);

/// <param name="Existing">The item was already deferred: this is that deferral, nothing was written.</param>
public sealed record DeferralOutcome(DeferralDto Deferral, bool Existing);

/// <summary>
/// Defers an appointment, a treatment cycle or a carnet item (PRODUCT.md §10, [C]) with its reason and clinical priority,
/// who decided and when, until when at the latest: the item waits on the re-scheduling worklist, and the patient and the
/// GP are told what happens next. Deferring an item already deferred answers the open deferral.
/// </summary>
public sealed class DeferCare(RelaisDb db, Clock clock, CareChangeNotices notices)
{
    public async Task<DeferralOutcome> HandleAsync(CurrentUser user, Guid patientId, DeferralInput input, CancellationToken ct)
    {
        if (input.Item is not { } item) throw new DomainValidationException("item", "Indiquez l'élément à reporter : {\"kind\", \"id\"}.");
        var kind = EnumCodes.Parse<DeferredItemKind>(item.Kind, "item.kind");
        if (item.Id is not { } itemId) throw new DomainValidationException("item.id", "Indiquez l'identifiant de l'élément à reporter.");
        var open = await db.Deferrals.AsNoTracking().FirstOrDefaultAsync(d => d.ItemKind == kind && d.ItemId == itemId && d.PatientId == patientId && d.EndedAt == null, ct);
        var today = clock.Today;
        var (original, what) = await DeferItemAsync(kind, itemId, patientId, ct);
        if (open is not null) return new(ToDto(open, what, today), true);
        var priority = string.IsNullOrWhiteSpace(input.Priority) ? (DeferralPriority?)null : EnumCodes.Parse<DeferralPriority>(input.Priority, "priority");
        var deferral = Deferral.Decide(patientId, kind, itemId, original, input.Reason, priority, input.Until, user.Id, today, clock.Now);
        db.Deferrals.Add(deferral);
        await notices.AddAsync(new CareChange(deferral.Id, 0, patientId,
            $"{what} prévu(e) le {original:dd/MM/yyyy} est reporté(e). L'équipe vous proposera une nouvelle date au plus tard le {deferral.Deadline:dd/MM/yyyy} et vous en serez prévenu(e) ici. "
            + "Si vous ne vous sentez pas bien d'ici là, appelez le service sans attendre.",
            $"{what} prévu(e) le {original:dd/MM/yyyy} reporté(e) par l'équipe (priorité {deferral.Priority.Label().ToLowerInvariant()}) ; nouvelle date au plus tard le {deferral.Deadline:dd/MM/yyyy}."), ct);
        await db.SaveChangesAsync(ct);
        return new(ToDto(deferral, what, today), false);
    }

    /// <summary>Marks the item deferred; its date before and its name. Not the patient's: refused, naming <c>item.id</c> (no other patient's item is revealed).</summary>
    private async Task<(DateOnly Original, string What)> DeferItemAsync(DeferredItemKind kind, Guid itemId, Guid patientId, CancellationToken ct)
    {
        if (kind == DeferredItemKind.Appointment)
        {
            var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == itemId && a.PatientId == patientId, ct)
                ?? throw new DomainValidationException("item.id", "Ce rendez-vous n'existe pas dans le dossier du patient.");
            if (appointment.Status != AppointmentStatus.Deferred) appointment.Defer();
            return (DateOnly.FromDateTime(Clock.ToParis(appointment.At).DateTime), appointment.Kind.Label());
        }
        var carnet = await db.CarnetItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.PatientId == patientId, ct)
            ?? throw new DomainValidationException("item.id", "Cet examen n'existe pas dans le carnet du patient.");
        if (carnet.Status != CarnetItemStatus.Planned) throw new DomainValidationException("item.id", "Seul un examen prévu se reporte.");
        return (carnet.Due, carnet.Kind.Label());
    }

    internal static DeferralDto ToDto(Deferral d, string what, DateOnly today) => new(d.Id, d.PatientId, EnumCodes.Code(d.ItemKind), d.ItemId, what, d.OriginalDate, d.Reason,
        EnumCodes.Code(d.Priority), d.Priority.Label(), DeferralPriorities.MaxDelayDays[d.Priority], d.Until, d.Deadline, d.IsOverdue(today), d.DecidedBy, d.DecidedAt, d.EndedAt,
        d.RescheduledOn);
}
