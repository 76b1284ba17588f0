using System.Text.RegularExpressions;
using Relais.Domain.Alerts;

namespace Relais.Domain.Surveillance;

/// <summary>A fault in a protocol, named by its JSON path ("items[3].every") with a French message for the author.</summary>
public sealed record ProtocolError(string Field, string Message);

/// <summary>
/// One line of a protocol: what (<see cref="Kind"/>), by whom, when. With several performers and
/// <see cref="Alternate"/> false, each of them performs it at every month ("à 3 mois par le médecin
/// généraliste et le médecin spécialiste" [B]); with <see cref="Alternate"/> true, the occurrences
/// take the performers in turn, the first one first, across the whole sequence of months
/// ("tous les 6 mois en alternance généraliste / spécialiste" [B]).
/// </summary>
/// <param name="Source">Where the line comes from (a monitoring module's items each carry theirs, issue 16 point 2).</param>
public sealed record ProtocolItem(SurveillanceKind Kind, IReadOnlyList<Performer> Performers, Schedule Schedule, bool Alternate = false, string? Source = null)
{
    public ProtocolItem(SurveillanceKind kind, Performer performer, Schedule schedule) : this(kind, [performer], schedule) { }

    public ProtocolItem(SurveillanceKind kind, Performer performer, Schedule schedule, string source) : this(kind, [performer], schedule, false, source) { }

    /// <summary>Who performs the item at each of its months up to <paramref name="horizonMonths"/>.</summary>
    public IEnumerable<(int Month, Performer Performer)> Occurrences(int horizonMonths)
    {
        var months = Schedule.MonthsUpTo(horizonMonths);
        for (var i = 0; i < months.Count; i++)
        {
            if (Alternate)
            {
                yield return (months[i], Performers[i % Performers.Count]);
            }
            else
            {
                foreach (var performer in Performers) yield return (months[i], performer);
            }
        }
    }

    public IEnumerable<ProtocolError> FindErrors(string path)
    {
        if (!Enum.IsDefined(Kind)) yield return new(path + ".kind", "Type d'examen inconnu.");
        if (Performers.Count == 0) yield return new(path + ".performers", "Indiquez qui réalise l'examen.");
        for (var i = 0; i < Performers.Count; i++)
        {
            if (!Enum.IsDefined(Performers[i])) yield return new($"{path}.performers[{i}]", "Intervenant inconnu.");
            else if (Performers.Take(i).Contains(Performers[i])) yield return new($"{path}.performers[{i}]", $"L'intervenant « {Performers[i].Code()} » figure deux fois.");
        }

        if (Alternate && Performers.Count < 2) yield return new(path + ".alternate", "L'alternance demande au moins deux intervenants.");
        if (Source is { Length: > 500 }) yield return new(path + ".source", "La source est limitée à 500 caractères.");
        foreach (var error in Schedule.FindErrors(path)) yield return error;
    }
}

/// <summary>
/// The content of one version of a surveillance protocol (référentiel de suivi), as authored and
/// as exchanged in JSON (<see cref="ProtocolJson"/>). The protocol is data "élaborée et validée en
/// commun" by specialists and GPs [B]; <see cref="SurveillanceProtocol"/> adds the validations.
/// </summary>
/// <param name="RadiotherapyOption">The radiotherapist's visits added when the patient received
/// radiotherapy: yearly for at least 5 years [G], on every protocol.</param>
public sealed partial record ProtocolDefinition(
    string Code,
    int Version,
    string Title,
    ProtocolKind Kind,
    IReadOnlyList<string> Authors,
    IReadOnlyList<ProtocolItem> Items,
    Schedule RadiotherapyOption,
    EarlyReturnThresholds Thresholds)
{
    /// <summary>[G]: "une consultation annuelle avec le radiothérapeute pendant au moins 5 ans".</summary>
    public static readonly IReadOnlyList<int> RadiotherapyMinimumMonths = [12, 24, 36, 48, 60];

    /// <summary>A monitoring module a treatment adds to the carnet, not the protocol of a cancer site.</summary>
    public bool IsModule => Kind == ProtocolKind.MonitoringModule;

    /// <summary>The tumour markers this protocol follows, in the order of its items: read from its assays, not from its code.</summary>
    public IReadOnlyList<Marker> Markers =>
        [.. Items.Select(i => Alerts.Markers.AssayedBy(i.Kind)).OfType<Marker>().Distinct()];

    /// <summary>Every fault of this definition, each named by its JSON path; empty when it can be used.</summary>
    public IReadOnlyList<ProtocolError> FindErrors()
    {
        var errors = new List<ProtocolError>();
        if (string.IsNullOrWhiteSpace(Code)) errors.Add(new("code", "Le code du référentiel est obligatoire."));
        else if (Code.Length > 64 || !KebabCase().IsMatch(Code))
            errors.Add(new("code", $"Le code « {Code} » doit être écrit en minuscules, chiffres et tirets (64 caractères au plus), par exemple « breast »."));
        if (Version < 1) errors.Add(new("version", "Le numéro de version commence à 1."));
        if (string.IsNullOrWhiteSpace(Title)) errors.Add(new("title", "Le titre du référentiel est obligatoire."));
        else if (Title.Length > 200) errors.Add(new("title", "Le titre est limité à 200 caractères."));
        if (!Enum.IsDefined(Kind)) errors.Add(new("protocolKind", "Situation clinique inconnue."));

        if (Authors.Count == 0) errors.Add(new("authors", "Indiquez au moins un auteur du référentiel."));
        for (var i = 0; i < Authors.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Authors[i])) errors.Add(new($"authors[{i}]", "Le nom de l'auteur est vide."));
            else if (Authors[i].Length > 200) errors.Add(new($"authors[{i}]", "Le nom de l'auteur est limité à 200 caractères."));
        }

        if (Items.Count == 0) errors.Add(new("items", "Un référentiel contient au moins un examen."));
        for (var i = 0; i < Items.Count; i++) errors.AddRange(Items[i].FindErrors($"items[{i}]"));
        if (IsModule)
        {
            // A module is followed because of a treatment's late effects: each line says which text asks for it.
            for (var i = 0; i < Items.Count; i++)
                if (string.IsNullOrWhiteSpace(Items[i].Source)) errors.Add(new($"items[{i}].source", "Chaque examen d'un module de surveillance indique sa source."));
            if (!RadiotherapyOption.IsEmpty) errors.Add(new("radiotherapyOption", "Un module de surveillance n'a pas d'option radiothérapie : elle appartient au référentiel du cancer."));
            errors.AddRange(Thresholds.FindErrors("rules"));
            return errors;
        }

        var radiotherapyErrors = RadiotherapyOption.FindErrors("radiotherapyOption").ToList();
        errors.AddRange(radiotherapyErrors);
        if (radiotherapyErrors.Count == 0)
        {
            var months = RadiotherapyOption.MonthsUpTo(Schedule.MaxMonth);
            if (RadiotherapyMinimumMonths.Any(m => !months.Contains(m)))
                errors.Add(new("radiotherapyOption.at", "Après radiothérapie, une consultation annuelle avec le radiothérapeute est prévue pendant au moins 5 ans : les mois 12, 24, 36, 48 et 60 doivent y figurer."));
        }

        errors.AddRange(Thresholds.FindErrors("rules"));
        return errors;
    }

    /// <summary>Throws the first fault as a <see cref="DomainValidationException"/> naming its JSON path.</summary>
    public void EnsureValid()
    {
        if (FindErrors() is [var first, ..]) throw new DomainValidationException(first.Field, first.Message);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
