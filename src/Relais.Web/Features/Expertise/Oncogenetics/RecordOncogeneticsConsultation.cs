using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;

namespace Relais.Web.Features.Expertise.Oncogenetics;

public sealed record ConsultationInput(DateOnly? ConsultationOn, int? Revision);

/// <summary>The oncogenetics consultation took place: the referral now waits for its result.</summary>
public sealed class RecordOncogeneticsConsultation(RelaisDb db, Clock clock)
{
    public async Task<OncogeneticsDto?> HandleAsync(Guid patientId, Guid referralId, ConsultationInput input, CancellationToken ct)
    {
        var referral = await db.OncogeneticsReferrals.FirstOrDefaultAsync(r => r.Id == referralId && r.PatientId == patientId, ct);
        if (referral is null) return null;
        referral.EnsureRevision(input.Revision);
        referral.RecordConsultation(input.ConsultationOn, clock.Today);
        await db.SaveChangesAsync(ct);
        return OncogeneticsDto.Of(referral);
    }
}
