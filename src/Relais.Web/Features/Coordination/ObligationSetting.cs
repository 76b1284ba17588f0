namespace Relais.Web.Features.Coordination;

/// <summary>An organisation's own acknowledgement delay for an obligation (default: the catalogue's).</summary>
public sealed class ObligationSetting
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Domain.Coordination.ObligationCode Code { get; set; }
    public int DueHours { get; set; }
}
