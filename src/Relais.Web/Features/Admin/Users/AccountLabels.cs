using Microsoft.Extensions.Localization;
using Relais.Domain.Accounts;
using Relais.Web.Identity;

namespace Relais.Web.Features.Admin.Users;

/// <summary>The words of the account pages: the roles of PRODUCT.md §2 and the account statuses.</summary>
public static class AccountLabels
{
    public static string Role(string role, IStringLocalizer l) => l[role switch
    {
        Roles.HospitalClinician => "Clinicien hospitalier",
        Roles.NurseCoordinator => "Infirmier(ère) de coordination",
        Roles.GeneralPractitioner => "Médecin généraliste",
        Roles.SupportiveCare => "Soins de support",
        Roles.Pharmacist => "Pharmacien(ne)",
        Roles.TumorBoardSecretary => "Secrétariat RCP",
        Roles.QualityCoordinator => "Coordination qualité (3C)",
        Roles.Patient => "Patient(e)",
        Roles.TrustedPerson => "Aidant(e)",
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
