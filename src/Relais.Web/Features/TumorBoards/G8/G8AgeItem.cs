using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Patients;
using Relais.Domain.TumorBoards;
using Relais.Web.Data;

namespace Relais.Web.Features.TumorBoards.G8;

/// <summary>The G8's age item (H): the patient's age on the screening day and its points.</summary>
public sealed record G8AgeItem(int Age, decimal Points);

/// <summary>
/// The age item as the domain scores it when the G8 is recorded: on the patient's age at the screening
/// date [R], with the domain's bands (<see cref="Domain.TumorBoards.G8.AgeBands"/>).
/// </summary>
public sealed class G8AgeItems(Patient patient)
{
    public G8AgeItem On(DateOnly screenedOn)
    {
        var age = patient.AgeOn(screenedOn);
        return new G8AgeItem(age, Domain.TumorBoards.G8.AgePoints(age));
    }
}

/// <summary>The domain's G8 bands in words, for the form: the numbers come from the domain, only the phrasing is here.</summary>
public static class G8BandText
{
    /// <summary>Age bands in whole years: "moins de 80 ans : 2 ; de 80 à 85 ans : 1 ; plus de 85 ans : 0".</summary>
    public static string Ages(Func<string, string> l) => string.Join(" ; ", Domain.TumorBoards.G8.AgeBands.Select(b => (b.From, b.Below) switch
    {
        (null, { } below) => string.Format(CultureInfo.InvariantCulture, l("moins de {0} ans : {1}"), below, Points(b.Points)),
        ({ } from, null) => string.Format(CultureInfo.InvariantCulture, l("plus de {0} ans : {1}"), from - 1, Points(b.Points)),
        ({ } from, { } below) => string.Format(CultureInfo.InvariantCulture, l("de {0} à {1} ans : {2}"), from, below - 1, Points(b.Points)),
        _ => "",
    }));

    /// <summary>Body mass index bands: "moins de 19 : 0 ; de 19 à moins de 21 : 1 ; ... ; 23 et plus : 3".</summary>
    public static string BodyMassIndex(Func<string, string> l) => string.Join(" ; ", Domain.TumorBoards.G8.BmiBands.Select(b => (b.From, b.Below) switch
    {
        (null, { } below) => string.Format(CultureInfo.InvariantCulture, l("moins de {0} : {1}"), below, Points(b.Points)),
        ({ } from, null) => string.Format(CultureInfo.InvariantCulture, l("{0} et plus : {1}"), from, Points(b.Points)),
        ({ } from, { } below) => string.Format(CultureInfo.InvariantCulture, l("de {0} à moins de {1} : {2}"), from, below, Points(b.Points)),
        _ => "",
    }));

    private static string Points(decimal points) => points.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>Loads what <see cref="G8AgeItems"/> needs, once per page, before its components render.</summary>
public sealed class G8AgeItemQuery(RelaisDb db)
{
    public async Task<G8AgeItems> HandleAsync(Guid patientId, CancellationToken ct) =>
        new(await db.Patients.AsNoTracking().FirstAsync(p => p.Id == patientId, ct));
}
