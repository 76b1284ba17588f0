using Relais.Web.Identity;

namespace Relais.Web.Features.TumorBoards;

/// <summary>
/// Who organises tumor boards: creates boards, plans meetings, records attendance and decisions, and
/// registers cases. The RCP secretariat, hospital clinicians and nurse coordinators. The API's role
/// requirements and the pages' buttons read this one list.
/// </summary>
public static class RcpOrganisers
{
    public static readonly string[] Roles = [Identity.Roles.TumorBoardSecretary, Identity.Roles.HospitalClinician, Identity.Roles.NurseCoordinator];

    public static bool Includes(CurrentUser user) => Roles.Any(user.IsInRole);
}
