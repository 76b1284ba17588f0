using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Relais.Web.Data;

namespace Relais.Web.Tests.Architecture;

/// <summary>
/// The plan beyond one primary (docs/scale-out.md, issue 18 point 4): Citus, distributed by patient. Reads the EF model
/// (the PostgreSQL one, built without a database) and proves that every clinical table carries <c>PatientId</c>, its
/// distribution column: every table of the model is either clinical — a non-null <c>PatientId</c>, or <c>Patients</c>
/// itself, distributed by its <c>Id</c> — or named below as a reference table (replicated to every worker) or a
/// coordinator-local one, with why. A new table that is neither makes the test fail, and so does a table of the
/// documentation's list that says something else than the model: the list cannot drift.
/// </summary>
public sealed partial class DistributionTests
{
    public enum Placement { Distributed, Reference, Local }

    /// <summary>The tables that name no patient by a distribution column, where they go, and why.</summary>
    private static readonly Dictionary<string, (Placement Placement, string Why)> NonClinical = new(StringComparer.Ordinal)
    {
        // Accounts and roles: read by every request and joined with the clinical tables (a care team's professionals).
        ["AspNetUsers"] = (Placement.Reference, "accounts: joined with care teams, transmissions and worklists on every worker; a patient account's nullable PatientId is a link, not a distribution key"),
        ["AspNetRoles"] = (Placement.Reference, "roles"),
        ["AspNetUserRoles"] = (Placement.Reference, "who holds which role, read with the account"),
        ["AspNetUserClaims"] = (Placement.Local, "sign-in only, never joined with clinical rows"),
        ["AspNetRoleClaims"] = (Placement.Local, "sign-in only"),
        ["AspNetUserLogins"] = (Placement.Local, "external sign-ins (Pro Santé Connect), sign-in only"),
        ["AspNetUserTokens"] = (Placement.Local, "authenticator keys and recovery codes: secrets kept on one node, sign-in only"),
        ["AspNetUserPasskeys"] = (Placement.Local, "passkeys, sign-in only"),
        ["DataProtectionKeys"] = (Placement.Local, "the key ring of cookies and tokens, read at start"),
        // The region's reference data: small, read-mostly, joined with clinical rows.
        ["Organisations"] = (Placement.Reference, "hospitals and practices"),
        ["LivingAreas"] = (Placement.Reference, "territories of the directory and the indicators"),
        ["Communes"] = (Placement.Reference, "the geography (postcodes, coordinates)"),
        ["SupportiveCareProviders"] = (Placement.Reference, "the supportive-care directory, joined with referrals"),
        ["SupportiveCareProviderMembers"] = (Placement.Reference, "accounts of a provider, joined with referrals"),
        ["Protocols"] = (Placement.Reference, "surveillance protocols, joined with enrolments and carnets"),
        ["Questionnaires"] = (Placement.Reference, "questionnaire versions, joined with responses"),
        ["TumorBoards"] = (Placement.Reference, "tumor boards, joined with cases"),
        ["Meetings"] = (Placement.Reference, "tumor-board sittings, joined with cases (agendas)"),
        ["MeetingParticipants"] = (Placement.Reference, "who sat at a sitting (professionals, no patient)"),
        ["ObligationSettings"] = (Placement.Reference, "the region's delays of the obligations C1–C15"),
        ["OnCallShifts"] = (Placement.Reference, "on-call rota, read with symptom alerts"),
        ["CrisisPeriods"] = (Placement.Reference, "crises declared for a territory, read with deferrals"),
        ["NotificationSettings"] = (Placement.Local, "a user's choices of e-mail notices, read by user"),
        // Global queues, chains and aggregates: one instance of them for the region.
        ["AuditPurges"] = (Placement.Reference, "signed purge records: read by the append-only guard of the audit rows, which runs on every worker's shards"),
        ["IdempotencyRecords"] = (Placement.Local, "replayed answers by (user, key), looked up before the request knows its patient"),
        ["OutboxMessages"] = (Placement.Local, "the mail queue: the dispatcher claims rows across patients (FOR UPDATE SKIP LOCKED), and account mails have no patient"),
        ["CalendarFeeds"] = (Placement.Local, "secret iCalendar addresses, looked up by token; a GP's feed spans patients"),
        ["ExternalBundleReceipts"] = (Placement.Local, "received lab Bundles by sender identifier, before any record is matched"),
        ["HeldExternalResults"] = (Placement.Local, "results matched to no record yet (identity vigilance): no patient to distribute by until attached"),
        ["IndicatorSums"] = (Placement.Local, "regional sums of the dashboard, across patients"),
        ["IndicatorRefreshStates"] = (Placement.Local, "one row: the rules' fingerprint and the settled instant"),
    };

    /// <summary>Clinical tables whose PatientId may be null, and where the rows without one go.</summary>
    private static readonly Dictionary<string, string> PatientlessRows = new(StringComparer.Ordinal)
    {
        ["AuditEntries"] = "rows about no patient (sign-ins, administration) go to a coordinator-local audit table with its own chain",
        ["AuditSeals"] = "the seals of the rows about no patient go with them, to the coordinator-local chain",
        ["AuditPending"] = "the queue rows of the rows about no patient go with them, to the coordinator-local chain",
    };

    private const string Begin = "<!-- distribution:begin (generated from the EF model: tests/Relais.Web.Tests/Architecture/DistributionTests.cs) -->";
    private const string End = "<!-- distribution:end -->";
    private const string KeysBegin = "<!-- keys:begin (generated from the EF model: tests/Relais.Web.Tests/Architecture/DistributionTests.cs) -->";
    private const string KeysEnd = "<!-- keys:end -->";

    private static IModel Model()
    {
        using var db = new PostgresDesignFactory().CreateDbContext([]);
        return db.GetService<IDesignTimeModel>().Model;
    }

    private sealed record Table(string Name, IEntityType Type, string Entity, Placement Placement, string Column, string Why);

    /// <summary>Every table of the model (an entity mapped to its own table; owned types and table splitting share their owner's).</summary>
    private static List<Table> Tables()
    {
        var tables = new List<Table>();
        foreach (var group in Model().GetEntityTypes().Where(e => e.GetTableName() is not null && e.GetViewName() is null).GroupBy(e => e.GetTableName()!))
        {
            var root = group.FirstOrDefault(e => e.FindOwnership() is null && e.BaseType is null) ?? group.First();
            var name = group.Key;
            var entity = root.ClrType.IsGenericType ? root.ClrType.Name[..root.ClrType.Name.IndexOf('`', StringComparison.Ordinal)] : root.ClrType.Name;
            if (NonClinical.TryGetValue(name, out var nonClinical))
                tables.Add(new Table(name, root, entity, nonClinical.Placement, "", nonClinical.Why));
            else if (name == "Patients")
                tables.Add(new Table(name, root, entity, Placement.Distributed, "Id", "the patient: the distribution key is its own id"));
            else
                tables.Add(new Table(name, root, entity, Placement.Distributed, "PatientId", PatientlessRows.GetValueOrDefault(name, "")));
        }
        return [.. tables.OrderBy(t => t.Placement).ThenBy(t => t.Name, StringComparer.Ordinal)];
    }

    [Fact]
    public void EveryClinicalTable_CarriesANonNullPatientId()
    {
        var problems = new List<string>();
        foreach (var table in Tables().Where(t => t.Placement == Placement.Distributed && t.Column == "PatientId"))
        {
            var column = table.Type.GetProperties().FirstOrDefault(p => p.GetColumnName() == "PatientId");
            if (column is null)
                problems.Add($"{table.Name} ({table.Entity}) has no PatientId column: give it one (the patient of the row), or name it in DistributionTests.NonClinical with its placement and why");
            else if (column.ClrType != typeof(Guid) && column.ClrType != typeof(Guid?))
                problems.Add($"{table.Name}.PatientId is a {column.ClrType.Name}, not the patient's Guid");
            else if (column.IsNullable && !PatientlessRows.ContainsKey(table.Name))
                problems.Add($"{table.Name}.PatientId may be null: a distribution column may not (or say in DistributionTests.PatientlessRows where the rows without a patient go)");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void TheNonClinicalList_NamesOnlyTablesOfTheModel()
    {
        var names = Tables().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = NonClinical.Keys.Concat(PatientlessRows.Keys).Append("Patients").Where(n => !names.Contains(n)).ToList();
        Assert.True(unknown.Count == 0, $"not tables of the model: {string.Join(", ", unknown)}");
        var unexplained = NonClinical.Where(t => string.IsNullOrWhiteSpace(t.Value.Why)).Select(t => t.Key).ToList();
        Assert.True(unexplained.Count == 0, $"no reason given: {string.Join(", ", unexplained)}");
        var both = PatientlessRows.Keys.Where(NonClinical.ContainsKey).ToList();
        Assert.True(both.Count == 0, $"clinical and non-clinical at once: {string.Join(", ", both)}");
    }

    [Fact]
    public void TheDocumentation_ListsEveryTableWithItsDistributionColumn() =>
        AssertSection(Begin, End, Markdown(Tables()), "table of distribution");

    [Fact]
    public void TheDocumentation_ListsTheKeysThatChange() =>
        AssertSection(KeysBegin, KeysEnd, KeysMarkdown(Tables()), "list of keys that change");

    private static void AssertSection(string begin, string end, string expected, string what)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Relais.slnx"))) root = root.Parent;
        Assert.NotNull(root);
        var doc = File.ReadAllText(Path.Combine(root.FullName, "docs", "scale-out.md")).ReplaceLineEndings("\n");
        var start = doc.IndexOf(begin, StringComparison.Ordinal);
        var stop = doc.IndexOf(end, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop > start, $"docs/scale-out.md has no generated section between\n{begin}\nand\n{end}");
        var actual = doc[(start + begin.Length)..stop].Trim('\n');
        Assert.True(actual == expected, $"docs/scale-out.md's {what} is not the model's: replace it with\n\n" + expected + "\n");
    }

    /// <summary>
    /// What Citus asks of the keys once the clinical tables are distributed: a unique index of a distributed table must hold
    /// the distribution column; a foreign key between two distributed tables must join on it; a reference or local table may
    /// not point at a distributed one (that check moves to the application). Primary keys (Id) all become (PatientId, Id).
    /// </summary>
    private static string KeysMarkdown(List<Table> tables)
    {
        var byName = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var lines = new List<(string Table, string Kind, string Key, string Change)>();
        string Columns(IEnumerable<IReadOnlyProperty> properties) => string.Join(", ", properties.Select(p => p.GetColumnName()));
        foreach (var t in tables)
        {
            var distributed = t.Placement == Placement.Distributed;
            if (distributed)
                foreach (var index in t.Type.GetIndexes().Where(i => i.IsUnique && i.Properties.All(p => p.GetColumnName() != t.Column)))
                    lines.Add((t.Name, "unique index", $"({Columns(index.Properties)}){(index.GetFilter() is { } f ? " where " + f : "")}",
                        t.Name switch
                        {
                            "Patients" => "global uniqueness: a lookup table distributed by this value, written with the patient",
                            "AuditSeals" => "(ChainId, ChainIndex), kept by the sealer of each chain (a unique index must hold PatientId): see the audit trail",
                            _ => $"add {t.Column}: ({t.Column}, {Columns(index.Properties)})",
                        }));
            foreach (var fk in t.Type.GetForeignKeys())
            {
                var target = fk.PrincipalEntityType.GetTableName();
                if (target is null || !byName.TryGetValue(target, out var principal) || principal.Placement == Placement.Reference) continue;
                var key = $"({Columns(fk.Properties)}) → {target}";
                var onPatient = fk.Properties.Any(p => p.GetColumnName() == "PatientId");
                if (principal.Placement == Placement.Local)
                {
                    if (t.Placement != Placement.Local)
                        lines.Add((t.Name, "foreign key", key, $"dropped: a {Name(t.Placement)} table may not point at a coordinator-local one; checked by the application"));
                }
                else if (!distributed)
                    lines.Add((t.Name, "foreign key", key, $"dropped: a {Name(t.Placement)} table may not point at a distributed one; checked by the application"));
                else if (target == "Patients" && !onPatient)
                    lines.Add((t.Name, "foreign key", key, "dropped: another patient's record, on another shard; checked by the application"));
                else if (target != "Patients" && !onPatient)
                    lines.Add((t.Name, "foreign key", key, $"on (PatientId, {Columns(fk.Properties)}) → {target} (PatientId, Id)"));
            }
        }
        var md = new StringBuilder();
        md.Append("| table | constraint | today | under Citus |\n");
        md.Append("|---|---|---|---|\n");
        foreach (var (table, kind, key, change) in lines.OrderBy(l => l.Table, StringComparer.Ordinal).ThenBy(l => l.Kind, StringComparer.Ordinal).ThenBy(l => l.Key, StringComparer.Ordinal))
            md.Append("| `" + table + "` | " + kind + " | " + Cell().Replace(key, " ") + " | " + change + " |\n");
        return md.ToString().TrimEnd('\n');
    }

    private static string Name(Placement placement) => placement switch
    {
        Placement.Distributed => "distributed",
        Placement.Reference => "reference",
        _ => "local",
    };

    private static string Markdown(IEnumerable<Table> tables)
    {
        var md = new StringBuilder();
        md.Append("| table | entity | placement | distribution column | why |\n");
        md.Append("|---|---|---|---|---|\n");
        foreach (var t in tables)
        {
            var placement = t.Placement switch
            {
                Placement.Distributed => "distributed",
                Placement.Reference => "reference (replicated)",
                _ => "local (coordinator)",
            };
            md.Append("| `" + t.Name + "` | " + t.Entity + " | " + placement + " | " + (t.Column.Length > 0 ? "`" + t.Column + "`" : "—") + " | " + (t.Why.Length > 0 ? Cell().Replace(t.Why, " ") : "—") + " |\n");
        }
        return md.ToString().TrimEnd('\n');
    }

    [GeneratedRegex(@"\s*\|\s*")]
    private static partial Regex Cell();
}
