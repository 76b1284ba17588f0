using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Relais.Domain.Announcements;
using Relais.Domain.Coordination;
using Relais.Domain.Episodes;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;
using Relais.Domain.Programmes;
using Relais.Domain.SupportiveCare;
using Relais.Domain.Surveillance;
using Relais.Domain.TumorBoards;

namespace Relais.Web.Features.Indicators;

/// <summary>
/// Marks, in the same commit, the patients whose record changed in what the indicators read (<see cref="IndicatorFacts"/>):
/// the kept cases (<see cref="IndicatorObservationRow"/>) are then computed again before the dashboard answers, so a
/// figure is never that of a record as it was. One list of the facts read, here beside the reader.
/// </summary>
public sealed class IndicatorStaleMarker : SaveChangesInterceptor
{
    public static readonly IndicatorStaleMarker Instance = new();

    /// <summary>The patient a changed entity belongs to, when the indicators read it.</summary>
    public static Guid? PatientOf(object entity) => entity switch
    {
        Patient p => p.Id,
        CancerEpisode e => e.PatientId,
        PathwayEvent e => e.PatientId,
        AnnouncementRecord a => a.PatientId,
        G8Assessment g => g.PatientId,
        CareProgramme p => p.PatientId,
        CareTeamMember m => m.PatientId,
        CarnetItem c => c.PatientId,
        // The indicators leave escalation rows out (the item they escalate is the one counted).
        TransmissionRecipient { IsEscalation: false } r => r.PatientId,
        SupportiveReferral r => r.PatientId,
        Domain.Continuity.Deferral d => d.PatientId,
        _ => null,
    };

    /// <summary>
    /// What <see cref="IndicatorFacts"/> reads of a recipient row. A change of nothing else — read, mailed, reminded,
    /// escalated, handed on within the team — leaves the patient's cases as they were: marking him would have the refresh
    /// compute them again for each mail sent and each page opened.
    /// </summary>
    public static readonly IReadOnlySet<string> RecipientFactsRead = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(TransmissionRecipient.PatientId), nameof(TransmissionRecipient.TransmissionId), nameof(TransmissionRecipient.Kind),
        nameof(TransmissionRecipient.DueAt), nameof(TransmissionRecipient.DeliveredAt), nameof(TransmissionRecipient.AcknowledgedAt),
        nameof(TransmissionRecipient.IsEscalation),
    };

    /// <summary>What <see cref="IndicatorFacts"/> reads of a carnet item (not, for one, that the patient was reminded of it).</summary>
    public static readonly IReadOnlySet<string> CarnetFactsRead = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(CarnetItem.PatientId), nameof(CarnetItem.Due), nameof(CarnetItem.Status), nameof(CarnetItem.DoneOn), nameof(CarnetItem.Result),
    };

    /// <summary>The entities of which the indicators read some properties only: a change of none of them marks no one.</summary>
    private static IReadOnlySet<string>? FactsReadOf(object entity) => entity switch
    {
        TransmissionRecipient => RecipientFactsRead,
        CarnetItem => CarnetFactsRead,
        _ => null,
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Mark(DbContext? context)
    {
        if (context is null) return;
        var patients = new HashSet<Guid>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.State == EntityState.Modified && FactsReadOf(entry.Entity) is { } read
                && !entry.Properties.Any(p => p.IsModified && read.Contains(p.Metadata.Name))) continue;
            if (PatientOf(entry.Entity) is { } patient) patients.Add(patient);
        }
        foreach (var patient in patients) context.Add(new IndicatorStaleMark { PatientId = patient });
    }
}
