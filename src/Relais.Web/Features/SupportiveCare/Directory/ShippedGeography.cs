using Microsoft.EntityFrameworkCore;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;

namespace Relais.Web.Features.SupportiveCare.Directory;

/// <summary>
/// The living areas ("bassins de vie" [L]) and their communes that Relais ships: the one geography of Relais,
/// which the directory's distances and the indicators' territories use. Coordinates are each commune's centre
/// (WGS 84, to about a hundred metres, from the official commune geography); a postcode shared by several
/// communes lists each.
/// </summary>
public static class ShippedGeography
{
    public static readonly IReadOnlyList<(string Code, string Name)> Areas =
    [
        ("rouen", "Rouen"), ("le-havre", "Le Havre"), ("dieppe", "Dieppe"), ("evreux", "Évreux"), ("vernon", "Vernon"),
    ];

    public static readonly IReadOnlyList<(string Postcode, string Name, double Latitude, double Longitude, string Area)> Communes =
    [
        ("76000", "Rouen", 49.4431, 1.0993, "rouen"),
        ("76100", "Rouen", 49.4286, 1.0822, "rouen"),
        ("76130", "Mont-Saint-Aignan", 49.4631, 1.0889, "rouen"),
        ("76230", "Bois-Guillaume", 49.4600, 1.1206, "rouen"),
        ("76120", "Le Grand-Quevilly", 49.4097, 1.0403, "rouen"),
        ("76300", "Sotteville-lès-Rouen", 49.4097, 1.0900, "rouen"),
        ("76160", "Darnétal", 49.4447, 1.1514, "rouen"),
        ("76500", "Elbeuf", 49.2861, 1.0083, "rouen"),
        ("76710", "Montville", 49.5469, 1.0736, "rouen"),
        ("76360", "Barentin", 49.5450, 0.9547, "rouen"),
        ("76190", "Yvetot", 49.6172, 0.7539, "rouen"),
        ("76600", "Le Havre", 49.4944, 0.1079, "le-havre"),
        ("76610", "Le Havre", 49.5150, 0.1550, "le-havre"),
        ("76620", "Le Havre", 49.5200, 0.1000, "le-havre"),
        ("76290", "Montivilliers", 49.5453, 0.1878, "le-havre"),
        ("76700", "Harfleur", 49.5064, 0.1986, "le-havre"),
        ("76400", "Fécamp", 49.7578, 0.3747, "le-havre"),
        ("76210", "Bolbec", 49.5731, 0.4728, "le-havre"),
        ("76200", "Dieppe", 49.9229, 1.0775, "dieppe"),
        ("76880", "Arques-la-Bataille", 49.8817, 1.1275, "dieppe"),
        ("76370", "Neuville-lès-Dieppe", 49.9264, 1.1019, "dieppe"),
        ("76270", "Neufchâtel-en-Bray", 49.7339, 1.4406, "dieppe"),
        ("76260", "Eu", 50.0478, 1.4197, "dieppe"),
        ("27000", "Évreux", 49.0241, 1.1508, "evreux"),
        ("27400", "Louviers", 49.2153, 1.1656, "evreux"),
        ("27100", "Val-de-Reuil", 49.2739, 1.2103, "evreux"),
        ("27300", "Bernay", 49.0889, 0.5983, "evreux"),
        ("27120", "Pacy-sur-Eure", 49.0167, 1.3833, "evreux"),
        ("27200", "Vernon", 49.0928, 1.4853, "vernon"),
        ("27950", "Saint-Marcel", 49.1000, 1.4483, "vernon"),
        ("27700", "Les Andelys", 49.2464, 1.4117, "vernon"),
        ("27600", "Gaillon", 49.1606, 1.3317, "vernon"),
        ("27140", "Gisors", 49.2814, 1.7761, "vernon"),
    ];
}

/// <summary>Ships the geography on a database that lacks it (reference data every installation needs).</summary>
public sealed class EnsureShippedGeography(RelaisDb db)
{
    public async Task HandleAsync(CancellationToken ct = default)
    {
        var areas = await db.LivingAreas.Select(a => a.Code).ToListAsync(ct);
        foreach (var (code, name) in ShippedGeography.Areas.Where(a => !areas.Contains(a.Code)))
            db.LivingAreas.Add(LivingArea.Create(code, name));
        var communes = (await db.Communes.Select(c => new { c.Postcode, c.Name }).ToListAsync(ct)).Select(c => (c.Postcode, c.Name)).ToHashSet();
        foreach (var c in ShippedGeography.Communes.Where(c => !communes.Contains((c.Postcode, c.Name))))
            db.Communes.Add(Commune.Create(c.Postcode, c.Name, c.Latitude, c.Longitude, c.Area));
        await db.SaveChangesAsync(ct);
    }
}
