namespace Relais.Domain.Surveillance;

/// <summary>
/// "Every <paramref name="Every"/> months from month <paramref name="From"/> to month
/// <paramref name="To"/>" (both included), months counted from the end of active treatment (J0).
/// A null <paramref name="To"/> never ends: "au-delà de 5 ans, tous les 6 mois par le médecin traitant" [B].
/// </summary>
public sealed record Recurrence(int Every, int From, int? To = null)
{
    public bool Produces(int month) => month >= From && (To is null || month <= To) && (month - From) % Every == 0;

    /// <summary>French reading of the rule, for error messages and the protocol screen.</summary>
    public string Describe() => To is { } to
        ? $"tous les {Every} mois du mois {From} au mois {to}"
        : $"tous les {Every} mois à partir du mois {From}";
}

/// <summary>
/// When an item falls: explicit months (<see cref="At"/>) and repetitions that follow each other
/// (<see cref="Repeats"/>: "every 3 months from 3 to 36, then every 6 months from 42 to 60").
/// Months are counted from J0 and start at 1: month 0 is J0 itself, the end of treatment.
/// </summary>
public sealed record Schedule(IReadOnlyList<int> At, IReadOnlyList<Recurrence> Repeats)
{
    /// <summary>The latest month a protocol may name: 50 years of follow-up.</summary>
    public const int MaxMonth = 600;

    public static Schedule Months(params int[] months) => new(months, []);

    /// <summary>No month at all: a monitoring module's (absent) radiotherapy option.</summary>
    public static Schedule None { get; } = new([], []);

    public bool IsEmpty => At.Count == 0 && Repeats.Count == 0;

    public static Schedule Every(int every, int from, int? to = null) => new([], [new Recurrence(every, from, to)]);

    public Schedule Then(int every, int from, int? to = null) => this with { Repeats = [.. Repeats, new Recurrence(every, from, to)] };

    /// <summary>French reading of the schedule: "aux mois 12, 24 et 36, puis tous les 6 mois à partir du mois 42".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (At.Count > 0)
        {
            var months = At.Order().Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            parts.Add(months.Count == 1 ? $"au mois {months[0]}" : $"aux mois {string.Join(", ", months[..^1])} et {months[^1]}");
        }
        parts.AddRange(Repeats.Select(r => r.Describe()));
        return string.Join(", puis ", parts);
    }

    /// <summary>The months of this schedule up to <paramref name="horizonMonths"/> included, ascending, without repeats.</summary>
    public IReadOnlyList<int> MonthsUpTo(int horizonMonths)
    {
        var months = new SortedSet<int>();
        foreach (var month in At)
        {
            if (month >= 1 && month <= horizonMonths) months.Add(month);
        }

        foreach (var repeat in Repeats)
        {
            if (repeat.Every < 1 || repeat.From < 1) continue;
            var last = Math.Min(repeat.To ?? horizonMonths, horizonMonths);
            for (var month = repeat.From; month <= last; month += repeat.Every) months.Add(month);
        }

        return [.. months];
    }

    /// <summary>
    /// The faults of this schedule, each named by its JSON path under <paramref name="path"/>: the
    /// first repetition is written on the item itself (every/from/to), the next ones under "then".
    /// </summary>
    public IEnumerable<ProtocolError> FindErrors(string path)
    {
        if (At.Count == 0 && Repeats.Count == 0)
        {
            yield return new(path + ".at", "Indiquez au moins un mois (at) ou une répétition (every, from).");
            yield break;
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < At.Count; i++)
        {
            var month = At[i];
            var field = $"{path}.at[{i}]";
            if (MonthError(month) is { } error) yield return new(field, error);
            else if (!seen.Add(month)) yield return new(field, $"Le mois {month} figure deux fois.");
            else if (Repeats.FirstOrDefault(r => r.Every >= 1 && r.Produces(month)) is { } repeat)
                yield return new(field, $"Le mois {month} est déjà prévu par la répétition « {repeat.Describe()} ».");
        }

        for (var k = 0; k < Repeats.Count; k++)
        {
            var repeat = Repeats[k];
            var prefix = k == 0 ? path : $"{path}.then[{k - 1}]";
            if (repeat.Every is < 1 or > Schedule.MaxMonth)
                yield return new(prefix + ".every", $"La périodicité (every) est un nombre de mois entre 1 et {MaxMonth}.");
            if (MonthError(repeat.From) is { } fromError) yield return new(prefix + ".from", fromError);
            if (repeat.To is { } to)
            {
                if (to > MaxMonth) yield return new(prefix + ".to", $"Le mois {to} est au-delà de {MaxMonth} mois (50 ans).");
                else if (to < repeat.From) yield return new(prefix + ".to", $"La fin (mois {to}) précède le début (mois {repeat.From}).");
            }
            else if (k < Repeats.Count - 1)
            {
                yield return new(prefix + ".to", "Seule la dernière répétition peut être sans fin : indiquez le mois de fin (to) avant « then ».");
            }

            if (k > 0 && Repeats[k - 1].To is { } previousEnd && repeat.From <= previousEnd)
                yield return new(prefix + ".from", $"Cette répétition commence au mois {repeat.From}, avant la fin de la précédente (mois {previousEnd}).");
        }
    }

    private static string? MonthError(int month) => month switch
    {
        <= 0 => $"Le mois {month} est invalide : le mois 0 est la fin du traitement (J0), le premier examen se place au mois 1 au plus tôt.",
        > MaxMonth => $"Le mois {month} est au-delà de {MaxMonth} mois (50 ans).",
        _ => null,
    };
}
