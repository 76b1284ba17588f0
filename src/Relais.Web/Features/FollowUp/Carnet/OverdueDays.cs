using Relais.Domain.Surveillance;

namespace Relais.Web.Features.FollowUp.Carnet;

public static class FollowUpConfiguration
{
    /// <summary>Days after its due date before a planned item counts as overdue (setting <c>FollowUp:OverdueDays</c>).</summary>
    public static int OverdueDays(this IConfiguration configuration) => configuration.GetValue("FollowUp:OverdueDays", CarnetItem.DefaultOverdueDays);
}
