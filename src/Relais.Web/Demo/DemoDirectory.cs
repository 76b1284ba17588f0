using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Relais.Web.Demo;

/// <summary>
/// The demo's supportive-care directory for the demo region (Normandy: Rouen, Évreux, Le Havre, Dieppe, Vernon):
/// invented providers placed at real communes of the shipped geography. The demo's psychologist, dietitian and
/// adapted-physical-activity teacher work for the Ligue's space in Rouen, and receive its referrals.
/// </summary>
public static class DemoDirectory
{
    private sealed record Seed(string Name, ProviderKind Kind, SupportiveService[] Services, string Address, string Postcode, string Commune, bool Package, bool Free);

    public const string LigueSpace = "Espace Ligue Rouen — soins de support (démo)";
    public const string HadSeineMaritime = "HAD Seine-Maritime (démo)";
    public const string PalliativeTeam = "Équipe mobile de soins palliatifs de Rouen (démo)";
    /// <summary>The HAD's coordinating physician, who assesses and admits (issue 13 point 6).</summary>
    public const string HadCoordinator = "medecin.had@relais.demo";

    private static readonly Seed[] Providers =
    [
        new(LigueSpace, ProviderKind.LigueCommittee, [SupportiveService.Psychology, SupportiveService.Dietetics, SupportiveService.AdaptedPhysicalActivity, SupportiveService.SocioAesthetics, SupportiveService.SocialWork, SupportiveService.Caregivers],
            "12 rue de la Champmeslé", "76000", "Rouen", true, true),
        new("Centre d'évaluation et de traitement de la douleur de Rouen (démo)", ProviderKind.PainCentre, [SupportiveService.Pain], "1 rue de Germont", "76000", "Rouen", false, true),
        new("Cabinet de psychologie des Carmes (démo)", ProviderKind.PrivatePractitioner, [SupportiveService.Psychology], "8 place des Carmes", "76000", "Rouen", true, false),
        new("APA Seine Santé (démo)", ProviderKind.Association, [SupportiveService.AdaptedPhysicalActivity], "3 rue du Tronquet", "76130", "Mont-Saint-Aignan", true, false),
        new("DAC Rouen Métropole (démo)", ProviderKind.Dac, [SupportiveService.SocialWork, SupportiveService.HomeCare, SupportiveService.Caregivers], "40 avenue de Bretagne", "76100", "Rouen", false, true),
        new(PalliativeTeam, ProviderKind.PalliativeMobileTeam, [SupportiveService.Palliative], "1 rue de Germont", "76000", "Rouen", false, true),
        new(HadSeineMaritime, ProviderKind.Had, [SupportiveService.HomeCare, SupportiveService.Palliative], "15 rue Garibaldi", "76300", "Sotteville-lès-Rouen", false, true),
        new("Cabinet infirmier Asalée de Darnétal (démo)", ProviderKind.CommunityNurse, [SupportiveService.TobaccoAlcohol, SupportiveService.HomeCare], "2 rue Sadi-Carnot", "76160", "Darnétal", false, true),
        new("Plateforme d'oncofertilité de Rouen (démo)", ProviderKind.HospitalTeam, [SupportiveService.Fertility], "1 rue de Germont", "76000", "Rouen", false, true),
        new("Consultation de santé sexuelle et oncologie (démo)", ProviderKind.HospitalTeam, [SupportiveService.SexualHealth], "1 rue d'Amiens", "76000", "Rouen", false, true),
        new("Cabinet de kinésithérapie du Robec (démo)", ProviderKind.PrivatePractitioner, [SupportiveService.Physiotherapy], "21 rue de Longpaon", "76160", "Darnétal", false, false),
        new("Diététique Elbeuf-sur-Seine (démo)", ProviderKind.PrivatePractitioner, [SupportiveService.Dietetics], "5 rue de la République", "76500", "Elbeuf", true, false),
        new("Maison des patients de l'Estuaire (démo)", ProviderKind.PostCancerStructure, [SupportiveService.AdaptedPhysicalActivity, SupportiveService.Dietetics, SupportiveService.Psychology],
            "30 rue de Paris", "76600", "Le Havre", true, true),
        new("Comité de la Ligue — antenne du Havre (démo)", ProviderKind.LigueCommittee, [SupportiveService.SocioAesthetics, SupportiveService.SocialWork, SupportiveService.Psychology, SupportiveService.Caregivers],
            "9 rue Jules-Lecesne", "76600", "Le Havre", false, true),
        new("SSIAD de Montivilliers (démo)", ProviderKind.Ssiad, [SupportiveService.HomeCare], "1 place François-Mitterrand", "76290", "Montivilliers", false, true),
        new("Diététicienne libérale d'Harfleur (démo)", ProviderKind.PrivatePractitioner, [SupportiveService.Dietetics], "4 rue de la Chaussée", "76700", "Harfleur", true, false),
        new("Espace santé après cancer de Dieppe (démo)", ProviderKind.PostCancerStructure, [SupportiveService.AdaptedPhysicalActivity, SupportiveService.Dietetics, SupportiveService.Psychology],
            "6 rue Duquesne", "76200", "Dieppe", true, true),
        new("Unité de soins palliatifs de la Côte d'Albâtre (démo)", ProviderKind.PalliativeUnit, [SupportiveService.Palliative], "avenue Pasteur", "76200", "Dieppe", false, true),
        new("Gym après cancer d'Arques (démo)", ProviderKind.Association, [SupportiveService.AdaptedPhysicalActivity], "rue de la Libération", "76880", "Arques-la-Bataille", true, false),
        new("Structure porteuse après-cancer de l'Eure (démo)", ProviderKind.PostCancerStructure, [SupportiveService.AdaptedPhysicalActivity, SupportiveService.Dietetics, SupportiveService.Psychology],
            "17 rue Joséphine", "27000", "Évreux", true, true),
        new("Centre douleur Eure-Seine (démo)", ProviderKind.PainCentre, [SupportiveService.Pain], "rue Léon-Schwartzenberg", "27000", "Évreux", false, true),
        new("Tabacologie de l'Eure (démo)", ProviderKind.HospitalTeam, [SupportiveService.TobaccoAlcohol], "rue Léon-Schwartzenberg", "27000", "Évreux", false, true),
        new("Cabinet de psychologie de Louviers (démo)", ProviderKind.PrivatePractitioner, [SupportiveService.Psychology], "11 rue du Matrey", "27400", "Louviers", false, false),
        new("Maison sport-santé de Vernon (démo)", ProviderKind.Association, [SupportiveService.AdaptedPhysicalActivity], "2 rue Saint-Jacques", "27200", "Vernon", true, false),
        new("Psychologue libérale de Saint-Marcel (démo)", ProviderKind.PrivatePractitioner, [SupportiveService.Psychology], "45 avenue de l'Europe", "27950", "Saint-Marcel", true, false),
        new("Socio-esthétique Vallée de Seine (démo)", ProviderKind.Association, [SupportiveService.SocioAesthetics], "8 rue d'Albuféra", "27200", "Vernon", false, true),
        new("DAC de l'Eure (démo)", ProviderKind.Dac, [SupportiveService.SocialWork, SupportiveService.HomeCare, SupportiveService.Caregivers], "3 rue de la Gare", "27200", "Vernon", false, true),
    ];

    /// <summary>The accounts that work for the Ligue's space in Rouen.</summary>
    private static readonly string[] LigueMembers = ["psychologue@relais.demo", "dieteticienne@relais.demo", "apa@relais.demo"];

    public static async Task SeedAsync(RelaisDb db, IReadOnlyDictionary<string, RelaisUser> accounts, DateTimeOffset now)
    {
        var communes = await db.Communes.AsNoTracking().ToListAsync();
        foreach (var seed in Providers)
        {
            var commune = communes.Single(c => c.Postcode == seed.Postcode && c.Name == seed.Commune);
            var provider = SupportiveCareProvider.Create(new ProviderFields(seed.Name, seed.Kind, seed.Services, seed.Address, seed.Postcode, seed.Commune, seed.Package, seed.Free,
                "02 35 00 00 00", null), commune, now);
            db.SupportiveCareProviders.Add(provider);
            if (seed.Name == LigueSpace)
                foreach (var email in LigueMembers.Where(accounts.ContainsKey))
                    db.ProviderMembers.Add(ProviderMember.Link(provider.Id, accounts[email].Id));
            if (seed.Name == HadSeineMaritime && accounts.TryGetValue(HadCoordinator, out var coordinator))
                db.ProviderMembers.Add(ProviderMember.Link(provider.Id, coordinator.Id));
        }
        await db.SaveChangesAsync();
    }
}
