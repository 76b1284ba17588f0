using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Heredity;
using Relais.Web.Data;
using Relais.Web.Features.FollowUp.Alerts;
using Relais.Web.Identity;

namespace Relais.Web.Features.Expertise.Oncogenetics;

public sealed record GeneticResultInput(string? Result, DateOnly? ResultOn, int? Revision);

public sealed record GeneticResultRecorded(OncogeneticsDto Referral, string? Module, int? ModuleVersion, int Items, bool ModulePendingEndOfTreatment);

/// <summary>
/// Records the result of the oncogenetics work-up (issue 16 point 3): the referral leaves the worklist, and a BRCA or
/// Lynch result adds its module to the carnet — now for a patient in shared follow-up, at the end of treatment otherwise.
/// </summary>
public sealed class RecordGeneticResult(RelaisDb db, Clock clock, ReportCriteria followUp, GeneticModulePlanner planner)
{
    public async Task<GeneticResultRecorded?> HandleAsync(CurrentUser user, Guid patientId, Guid referralId, GeneticResultInput input, CancellationToken ct)
    {
        var referral = await db.OncogeneticsReferrals.FirstOrDefaultAsync(r => r.Id == referralId && r.PatientId == patientId, ct);
        if (referral is null) return null;
        referral.EnsureRevision(input.Revision);
        var result = EnumCodes.Parse<GeneticResult>(input.Result, "result");
        referral.RecordResult(result, input.ResultOn, user.Id, clock.Today);
        var enrolment = await followUp.EnrolmentAsync(patientId, ct);
        var (module, items) = enrolment is null ? (null, 0) : await planner.AddAsync(referral, enrolment, ct);
        await db.SaveChangesAsync(ct);
        return new(OncogeneticsDto.Of(referral), module?.Code, module?.Version, items, enrolment is null && GeneticResults.ModuleCode(result) is not null);
    }
}
