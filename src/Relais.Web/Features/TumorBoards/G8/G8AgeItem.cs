using Microsoft.EntityFrameworkCore;
using Relais.Domain.Patients;
using Relais.Domain.TumorBoards;
using Relais.Web.Data;

namespace Relais.Web.Features.TumorBoards.G8;

/// <summary>The G8's age item (H): the patient's age on the screening day and its points.</summary>
public sealed record G8AgeItem(int Age, decimal Points);

/// <summary>
/// The age item as the domain scores it when the G8 is recorded: on the patient's age at the screening
/// date [R]. <see cref="Domain.TumorBoards.G8.Score"/> gives the age points whatever the other answers.
/// </summary>
public sealed class G8AgeItems(Patient patient)
{
    private static readonly G8Answers AnyAnswers = new(0, 0, 0, 0, 23m, false, 0m);

    public G8AgeItem On(DateOnly screenedOn)
    {
        var age = patient.AgeOn(screenedOn);
        return new G8AgeItem(age, Domain.TumorBoards.G8.Score(AnyAnswers, age).AgePoints);
    }
}

/// <summary>Loads what <see cref="G8AgeItems"/> needs, once per page, before its components render.</summary>
public sealed class G8AgeItemQuery(RelaisDb db)
{
    public async Task<G8AgeItems> HandleAsync(Guid patientId, CancellationToken ct) =>
        new(await db.Patients.AsNoTracking().FirstAsync(p => p.Id == patientId, ct));
}
