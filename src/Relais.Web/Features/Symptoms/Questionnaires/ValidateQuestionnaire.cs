using Microsoft.EntityFrameworkCore;
using Relais.Domain.Questionnaires;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Symptoms.Questionnaires;

/// <summary>Body of a validation; <see cref="Revision"/> (or If-Match) refuses a validation of a version changed meanwhile.</summary>
public sealed record QuestionnaireValidationInput(int? Revision = null);

/// <summary>A questionnaire version is answered only once a hospital physician has validated it and its alert rules.</summary>
public sealed class ValidateQuestionnaire(RelaisDb db, Clock clock)
{
    public async Task<FhirQuestionnaire?> HandleAsync(CurrentUser user, string code, int version, QuestionnaireValidationInput input, CancellationToken ct)
    {
        var questionnaire = await db.Questionnaires.FirstOrDefaultAsync(q => q.Code == code && q.Version == version, ct);
        if (questionnaire is null) return null;
        questionnaire.EnsureRevision(input.Revision);
        var person = await db.Users.Where(u => u.Id == user.Id).Select(u => new { u.FirstName, u.LastName }).FirstAsync(ct);
        questionnaire.Validate(user.Id, RelaisUser.NameOf(person.FirstName, person.LastName), user.IsInRole(Roles.HospitalClinician), clock.Now);
        await db.SaveChangesAsync(ct);
        return QuestionnaireQueries.ToFhir(questionnaire);
    }
}
