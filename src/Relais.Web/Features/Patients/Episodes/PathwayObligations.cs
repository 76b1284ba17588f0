using Relais.Domain.Coordination;
using Relais.Domain.Episodes;
using Relais.Domain.Pathways;
using Relais.Web.Features.Coordination;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients.Episodes;

/// <summary>
/// Steps of the pathway that oblige the team to inform the GP: a confirmed diagnosis calls for the
/// contact before the announcement (C4, [G] 1.2); the palliative phase for liaison care (C15, [G] 2.6).
/// Adds the transmission to the caller's unit of work, without saving (as <see cref="Obligations.FireAsync"/>).
/// </summary>
public sealed class PathwayObligations(Obligations obligations)
{
    public async Task FireAsync(CurrentUser user, CancerEpisode episode, CancellationToken ct)
    {
        var site = episode.PrimarySiteLabel ?? episode.PrimarySite;
        var (code, title, message) = episode.Phase switch
        {
            PathwayPhase.DiagnosisConfirmed => (ObligationCode.C4, "Diagnostic confirmé : contact avant l'annonce",
                $"Le diagnostic est confirmé ({site}). L'annonce va être organisée : merci de transmettre à l'équipe le contexte socio-professionnel, familial et psychologique du patient."),
            PathwayPhase.Palliative => (ObligationCode.C15, "Entrée en phase palliative",
                $"Le patient entre en phase palliative ({site}). Prise en charge symptomatique ambulatoire en lien avec l'équipe."),
            _ => (default(ObligationCode?), "", ""),
        };
        if (code is { } c) await obligations.FireAsync(c, episode.PatientId, user.Id, null, title, message, ct: ct);
    }
}
