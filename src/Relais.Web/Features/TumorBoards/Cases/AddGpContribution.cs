using Microsoft.EntityFrameworkCore;
using Relais.Domain.TumorBoards;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.TumorBoards.Cases;

public sealed record ContributionInput(string? Text);

/// <summary>The GP's contribution to a registered case, sent before the meeting and shown in the case presented (C6).</summary>
public sealed class AddGpContribution(RelaisDb db, Clock clock)
{
    /// <returns>The case, or null when the patient has no such case.</returns>
    public async Task<TumorBoardCase?> HandleAsync(CurrentUser user, Guid patientId, Guid caseId, ContributionInput input, CancellationToken ct)
    {
        var @case = await db.TumorBoardCases.FirstOrDefaultAsync(c => c.Id == caseId && c.PatientId == patientId, ct);
        if (@case is null) return null;
        @case.AddGpContribution(input.Text, user.Id, clock.Now);
        await db.SaveChangesAsync(ct);
        return @case;
    }
}
