using Microsoft.EntityFrameworkCore;
using Relais.Domain.Patients;
using Relais.Web.Data;

namespace Relais.Web.Features.Patients;

/// <summary>What the RNIV identity banner shows: the strict traits, the used name and the identity's status.</summary>
public sealed record PatientBannerData(string BirthName, string FirstGivenName, DateOnly BirthDate, Sex Sex, string? UsedName, IdentityStatus Status);

/// <summary>
/// Reads the banner of a patient the page has already let the caller see. The banner renders beside whatever
/// page it heads, while that page may still be loading through the request's database context (PostgreSQL
/// is truly asynchronous): it reads through a context of its own.
/// </summary>
public sealed class PatientBannerQuery(IServiceScopeFactory scopes)
{
    public async Task<PatientBannerData?> GetAsync(Guid patientId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var p = await db.Patients.AsNoTracking().Where(x => x.Id == patientId)
            .Select(x => new { x.BirthName, x.FirstNames, x.BirthDate, x.Sex, x.UsedName, x.IdentityStatus }).FirstOrDefaultAsync(ct);
        return p is null ? null : new PatientBannerData(p.BirthName, FirstGivenName(p.FirstNames), p.BirthDate, p.Sex, p.UsedName, p.IdentityStatus);
    }

    /// <summary>The first of the given names as typed ("Marie Anne" → "Marie"; a hyphenated "Marie-Anne" is one name).</summary>
    public static string FirstGivenName(string firstNames) =>
        firstNames.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? firstNames;
}
