using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.TumorBoards;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.TumorBoards.G8;

public sealed record G8Input(int? FoodIntake, int? WeightLoss, int? Mobility, int? Neuropsychological, decimal? BodyMassIndex, bool? MoreThanThreeMedications,
    decimal? SelfRatedHealth, DateOnly? AssessedOn);

/// <summary>Records a G8 screening, scored by the domain on the patient's age at the screening date [R].</summary>
public sealed class RecordG8(RelaisDb db, Clock clock)
{
    public async Task<G8Assessment> HandleAsync(CurrentUser user, Guid patientId, G8Input input, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == patientId, ct);
        var on = input.AssessedOn ?? clock.Today;
        var answers = new G8Answers(
            input.FoodIntake ?? throw Missing("foodIntake"), input.WeightLoss ?? throw Missing("weightLoss"), input.Mobility ?? throw Missing("mobility"),
            input.Neuropsychological ?? throw Missing("neuropsychological"), input.BodyMassIndex ?? throw Missing("bodyMassIndex"),
            input.MoreThanThreeMedications ?? throw Missing("moreThanThreeMedications"), input.SelfRatedHealth ?? throw Missing("selfRatedHealth"));
        var g8 = G8Assessment.Record(patientId, answers, patient.AgeOn(on), on, clock.Today, user.Id, clock.Now);
        db.G8Assessments.Add(g8);
        await db.SaveChangesAsync(ct);
        return g8;
    }

    private static DomainValidationException Missing(string field) => new(field, "Réponse obligatoire.");
}
