using Microsoft.Extensions.Localization;
using Relais.Domain.Accounts;
using Relais.Web.Identity;

namespace Relais.Web.Features.Admin.Users;

/// <summary>The words of the account pages: the roles of PRODUCT.md §2 and the account statuses.</summary>
public static class AccountLabels
{
    /// <summary>A role as the API writes it, in kebab-case like every code ("general-practitioner").</summary>
    public static string RoleCode(string role) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(role);

    /// <summary>The label of a role given by its name or its code.</summary>
    public static string Role(string role, IStringLocalizer l) => l[(Roles.All.FirstOrDefault(r => r == role || RoleCode(r) == role) ?? role) switch
    {
        Roles.HospitalClinician => "Clinicien hospitalier",
        Roles.NurseCoordinator => "Infirmier(ère) de coordination",
        Roles.GeneralPractitioner => "Médecin généraliste",
        Roles.SupportiveCare => "Soins de support",
        Roles.Pharmacist => "Pharmacien(ne)",
        Roles.TumorBoardSecretary => "Secrétariat RCP",
        Roles.QualityCoordinator => "Coordination qualité (3C)",
        Roles.Patient => "Patient(e)",
        Roles.TrustedPerson => "Personne de confiance",
        Roles.Caregiver => "Aidant(e)",
        Roles.Administrator => "Administrateur",
        _ => role,
    }];

    public static string Status(AccountStatus status, IStringLocalizer l) => l[status switch
    {
        AccountStatus.Invited => "Invité",
        AccountStatus.Active => "Actif",
        _ => "Désactivé",
    }];
}
