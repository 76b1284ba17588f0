namespace Relais.Domain.Surveillance;

/// <summary>
/// One dated line of the Carnet de Surveillance Alternée [B]: at <see cref="Month"/> months after
/// J0, due on <see cref="Due"/>, <see cref="Performer"/> does <see cref="Kind"/>.
/// </summary>
public sealed record CarnetEntry(DateOnly Due, int Month, SurveillanceKind Kind, Performer Performer);

/// <summary>
/// Generates the Carnet de Surveillance Alternée from a protocol and the end of active treatment
/// (J0) [B]. Month M falls on J0.AddMonths(M), computed from J0 each time: the day of the month is
/// kept, or the month's last day when it has fewer days (31 August + 6 months = 28 or 29 February),
/// and a short month never shifts the following dates.
/// </summary>
public static class SurveillanceCalendar
{
    /// <summary>
    /// The calendar of <paramref name="definition"/> for months 1 to <paramref name="horizonMonths"/>,
    /// sorted by due date, then kind code, then performer code (ordinal). This does not look at the
    /// validations: a patient's calendar goes through <see cref="SurveillanceProtocol.Preview"/> or
    /// <see cref="Enrolment.Calendar"/>, which refuse a version still to validate; this one lets the
    /// authors and validators review a draft.
    /// </summary>
    public static IReadOnlyList<CarnetEntry> Generate(ProtocolDefinition definition, DateOnly treatmentEnd, bool radiotherapy, int horizonMonths)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (horizonMonths is < 0 or > Schedule.MaxMonth)
            throw new DomainValidationException("horizonMonths", $"L'horizon du calendrier va de 0 à {Schedule.MaxMonth} mois.");
        definition.EnsureValid();

        var occurrences = definition.Items.SelectMany(item => item.Occurrences(horizonMonths).Select(o => (o.Month, item.Kind, o.Performer)));
        if (radiotherapy)
        {
            // [G]: after radiotherapy, a yearly visit with the radiotherapist for at least 5 years, whatever the site.
            occurrences = occurrences.Concat(definition.RadiotherapyOption.MonthsUpTo(horizonMonths)
                .Select(month => (Month: month, Kind: SurveillanceKind.RadiotherapyVisit, Performer: Performer.Radiotherapist)));
        }

        return [.. occurrences
            .Distinct()
            .Select(o => new CarnetEntry(treatmentEnd.AddMonths(o.Month), o.Month, o.Kind, o.Performer))
            .OrderBy(e => e.Due)
            .ThenBy(e => e.Kind.Code(), StringComparer.Ordinal)
            .ThenBy(e => e.Performer.Code(), StringComparer.Ordinal)];
    }
}
