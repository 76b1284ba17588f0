using Relais.Domain.Audit;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.SupportiveCare.Directory;

/// <summary>The answer of an import: how many providers were added, or the faulty lines (then nothing was written).</summary>
public sealed record ImportResult(int Imported, IReadOnlyList<CsvLineError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports providers from a CSV file (<see cref="DirectoryCsv"/>): every line is checked — its columns, its codes,
/// its commune in the geography, its fields — and the faulty ones are reported by number; if any line is wrong,
/// nothing is written.
/// </summary>
public sealed class ImportProviders(RelaisDb db, Clock clock, Geography geography)
{
    public async Task<ImportResult> HandleAsync(CurrentUser user, string? csv, CancellationToken ct)
    {
        var (lines, errors) = DirectoryCsv.Parse(csv ?? "");
        var faults = errors.ToList();
        var providers = new List<SupportiveCareProvider>();
        foreach (var line in lines)
        {
            try
            {
                var commune = await geography.RequireAsync(line.Fields.Postcode, line.Fields.Commune, ct);
                providers.Add(SupportiveCareProvider.Create(line.Fields, commune, clock.Now));
            }
            catch (Domain.DomainValidationException e)
            {
                faults.Add(new CsvLineError(line.Line, e.Field, e.Message));
            }
        }
        if (faults.Count == 0 && providers.Count == 0) faults.Add(new CsvLineError(2, "file", "Le fichier ne contient aucun prestataire."));
        if (faults.Count > 0) return new ImportResult(0, faults.OrderBy(f => f.Line).ToList());
        db.SupportiveCareProviders.AddRange(providers);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, null, AuditActions.Write, "supportive-care directory import", AuditOutcomes.Allowed,
            $"providers={providers.Count}"));
        await db.SaveChangesAsync(ct);
        return new ImportResult(providers.Count, []);
    }
}
