using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Pathways;
using Relais.Web.Data;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.FollowUp;

/// <summary>A patient in active treatment for a breast cancer (by default), declared GP Jean Dubois: ready for the end of treatment.</summary>
public static class FollowUpPatients
{
    /// <summary>A new patient of Dr Dubois (built by <see cref="A.Patient"/>), in active treatment of a cancer (breast by default) diagnosed on 5 January 2026.</summary>
    public static async Task<(HttpClient Oncologist, Guid PatientId, Guid EpisodeId)> PatientInTreatmentAsync(this RelaisFactory factory, string site = "C50.4")
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var (patientId, episodeId) = await oncologist.PatientInTreatmentAsync(factory.Services, site);
        return (oncologist, patientId, episodeId);
    }

    /// <summary>The same, through an oncologist's client of any app instance (and that instance's services).</summary>
    public static async Task<(Guid PatientId, Guid EpisodeId)> PatientInTreatmentAsync(this HttpClient oncologist, IServiceProvider services, string site = "C50.4")
    {
        var patientId = await A.Patient().Named("Suivi", "Anne").CreateAsync(oncologist);
        var episodeId = await An.Episode().Site(site, "Site du cancer").DiagnosedOn(2026, 1, 5).CreateAsync(oncologist, patientId);
        foreach (var (to, on) in new[] { ("announcement", "2026-01-12"), ("tumor-board", "2026-01-20") })
            Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}/transitions", new { to, occurredOn = on })).StatusCode);
        await services.PastStepsAsync(episodeId, (PathwayPhase.CareProgramme, new DateOnly(2026, 1, 27)), (PathwayPhase.ActiveTreatment, new DateOnly(2026, 2, 9)));
        return (patientId, episodeId);
    }

    /// <summary>
    /// Past steps of a pathway set up in the domain: the PPS ("PPS remis") is reached only by writing one, dated
    /// today by its use case, so a pathway treated since February is written as the episode's own transitions.
    /// </summary>
    public static async Task PastStepsAsync(this IServiceProvider services, Guid episodeId, params (PathwayPhase To, DateOnly On)[] steps)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var clock = scope.ServiceProvider.GetRequiredService<Clock>();
        var episode = await db.Episodes.SingleAsync(e => e.Id == episodeId);
        var oncologistId = await db.Users.Where(u => u.Email == Api.Oncologist).Select(u => u.Id).SingleAsync();
        foreach (var (to, on) in steps)
            db.PathwayEvents.Add(episode.Transition(to, on, oncologistId, clock.Today, clock.Now, null));
        await db.SaveChangesAsync();
    }
}
