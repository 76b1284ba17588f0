using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;

namespace Relais.Web.Features.Expertise.Oncogenetics;

public sealed record RelativesInput(DateOnly? RelativesInformedOn, string? RelativesNote, int? Revision);

/// <summary>Records that the relatives were told of the alteration and of the test they may have [G] §1.1; Relais contacts nobody.</summary>
public sealed class RecordRelativesInformed(RelaisDb db, Clock clock)
{
    public async Task<OncogeneticsDto?> HandleAsync(Guid patientId, Guid referralId, RelativesInput input, CancellationToken ct)
    {
        var referral = await db.OncogeneticsReferrals.FirstOrDefaultAsync(r => r.Id == referralId && r.PatientId == patientId, ct);
        if (referral is null) return null;
        referral.EnsureRevision(input.Revision);
        referral.RecordRelativesInformed(input.RelativesInformedOn, input.RelativesNote, clock.Today);
        await db.SaveChangesAsync(ct);
        return OncogeneticsDto.Of(referral);
    }
}
