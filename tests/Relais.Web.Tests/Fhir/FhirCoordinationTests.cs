#nullable disable warnings
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Features.Fhir;
using Relais.Web.Tests.Cda;
using Relais.Web.Tests.Features.Continuity;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Features.SupportiveCare;
using Relais.Web.Tests.Features.Symptoms;
using Relais.Web.Tests.Features.TumorBoards;
using Relais.Web.Tests.Infrastructure;
using R4 = Hl7.Fhir.Model;

namespace Relais.Web.Tests.Fhir;

/// <summary>
/// The coordination in FHIR R4 (issue 17 point 1): the obligations C1–C15 of each recipient, the supportive-care
/// referrals and the early-return alerts as Task; the transmissions as Communication; the signed documents as
/// DocumentReference with their content (PDF and CDA). Every answer is valid base R4 (Firely validator); an outsider
/// gets what a missing patient gets, and the denial is audited.
/// </summary>
public abstract class FhirCoordinationTests(RelaisFactory factory)
{
    private static async Task<R4.Resource> FhirAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(FhirJson.ContentType, response.Content.Headers.ContentType?.MediaType);
        var resource = FhirJson.Parse(body);
        FhirValidation.AssertValid(resource);
        if (resource is R4.Bundle bundle)
            foreach (var entry in bundle.Entry.Where(e => e.Resource is not null))
                FhirValidation.AssertValid(entry.Resource);
        return resource;
    }

    private static async Task<List<T>> SearchAsync<T>(HttpClient client, string url) where T : R4.Resource =>
        ((R4.Bundle)await FhirAsync(await client.GetAsync(url), HttpStatusCode.OK)).Entry.Select(e => (T)e.Resource).ToList();

    private async Task<int> DenialsAsync(Guid patientId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        return await db.AuditEntries.CountAsync(a => a.PatientId == patientId && a.Outcome == "denied");
    }

    /// <summary>An outsider's answers to a search and a read are byte for byte the answers for a patient (or a resource) that does not exist.</summary>
    private async Task AssertOutsiderGetsWhatAMissingPatientGetsAsync(HttpClient outsider, Guid patientId, string type, string id)
    {
        var denials = await DenialsAsync(patientId);
        var refused = (R4.Bundle)await FhirAsync(await outsider.GetAsync($"/fhir/{type}?patient={patientId}"), HttpStatusCode.OK);
        var missing = (R4.Bundle)await FhirAsync(await outsider.GetAsync($"/fhir/{type}?patient={Guid.NewGuid()}"), HttpStatusCode.OK);
        Assert.Equal((0, 0), (refused.Total, refused.Entry.Count));
        Assert.Equal((missing.Total, missing.Entry.Count), (refused.Total, refused.Entry.Count));
        var read = await outsider.GetAsync($"/fhir/{type}/{id}");
        var absent = await outsider.GetAsync($"/fhir/{type}/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(await absent.Content.ReadAsStringAsync(), await read.Content.ReadAsStringAsync());
        Assert.True(await DenialsAsync(patientId) >= denials + 2, $"the outsider's {type} search and read are audited as denied");
    }

    [Fact]
    public async Task ThePpsTransmission_IsATaskPerRecipient_ACommunication_AndASignedDocumentReferenceWithItsPdfAndCda()
    {
        var (oncologist, patientId, episodeId) = await factory.NewPatientAsync("1962-04-17");
        var documentId = await CdaTestData.SignedPpsAsync(oncologist, patientId, episodeId);
        var referralId = await oncologist.ReferToLigueAsync(patientId);
        var gp = await factory.ClientAsAsync(Api.Gp);
        var transmission = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray()
            .First(t => t.GetProperty("recipients").EnumerateArray().Any(r => r.GetProperty("kind").GetString() == "general-practitioner"));
        var transmissionId = transmission.GetProperty("id").GetGuid();
        var obligation = transmission.GetProperty("obligation").GetString().ToUpperInvariant();
        var gpRow = transmission.GetProperty("recipients").EnumerateArray().First(r => r.GetProperty("kind").GetString() == "general-practitioner");
        var (rowId, gpId) = (gpRow.GetProperty("id").GetGuid().ToString(), gpRow.GetProperty("userId").GetGuid());

        // Task?patient=: one task per recipient, the obligation's code, owner = the recipient, for = the patient, not yet acknowledged.
        var tasks = await SearchAsync<R4.Task>(oncologist, $"/fhir/Task?patient={patientId}");
        var gpTask = tasks.Single(t => t.Id == rowId);
        Assert.Equal(FhirCoordinationMapper.ObligationSystem, gpTask.Code.Coding.Single().System);
        Assert.Equal(obligation, gpTask.Code.Coding.Single().Code);
        Assert.Equal($"Practitioner/{gpId}", gpTask.Owner.Reference);
        Assert.Equal($"Patient/{patientId}", gpTask.For.Reference);
        Assert.Equal($"Communication/{transmissionId}", gpTask.Focus.Reference);
        Assert.Contains(gpTask.Status, new R4.Task.TaskStatus?[] { R4.Task.TaskStatus.Requested, R4.Task.TaskStatus.Received });
        Assert.NotNull(gpTask.Restriction.Period.End);
        var referral = tasks.Single(t => t.Id == FhirCoordinationMapper.SupportivePrefix + referralId.ToString("N"));
        Assert.Equal((R4.Task.TaskStatus.Requested, "psychology"), (referral.Status.Value, referral.Code.Coding.Single().Code));
        Assert.Equal(SupportiveCarePatients.LigueSpace, referral.Owner.Display);

        // The GP acknowledges: his task is completed, found by Task?owner=&status=completed and no longer by status=requested,received.
        Assert.True((await gp.PostAsync($"/api/patients/{patientId}/transmissions/{transmissionId}/acknowledge", null)).IsSuccessStatusCode);
        var done = await SearchAsync<R4.Task>(gp, $"/fhir/Task?patient={patientId}&owner=Practitioner/{gpId}&status=completed");
        Assert.Equal(R4.Task.TaskStatus.Completed, done.Single(t => t.Id == rowId).Status);
        Assert.DoesNotContain(await SearchAsync<R4.Task>(gp, $"/fhir/Task?patient={patientId}&owner=Practitioner/{gpId}&status=requested,received"), t => t.Id == rowId);
        // Task?owner= alone: the owner's tasks on every record the caller reads (the GP's many patients, a page at a time).
        var owned = (R4.Bundle)await FhirAsync(await gp.GetAsync($"/fhir/Task?owner=Practitioner/{gpId}&status=completed&_count=5"), HttpStatusCode.OK);
        Assert.True(owned.Total >= 1);
        Assert.All(owned.Entry, e => Assert.Equal(($"Practitioner/{gpId}", R4.Task.TaskStatus.Completed), (((R4.Task)e.Resource).Owner.Reference, ((R4.Task)e.Resource).Status.Value)));
        Assert.Equal(rowId, ((R4.Task)await FhirAsync(await gp.GetAsync($"/fhir/Task/{rowId}"), HttpStatusCode.OK)).Id);
        var badStatus = (R4.OperationOutcome)await FhirAsync(await gp.GetAsync($"/fhir/Task?patient={patientId}&status=sleeping"), HttpStatusCode.BadRequest);
        Assert.Equal("status", badStatus.Issue.Single().Expression.Single());

        // Communication?patient=: the transmission, its obligation, sender, recipients, sent.
        var communication = (await SearchAsync<R4.Communication>(oncologist, $"/fhir/Communication?patient={patientId}")).Single(c => c.Id == transmissionId.ToString());
        Assert.Equal(obligation, communication.Category.Single().Coding.Single().Code);
        Assert.Contains(communication.Recipient, r => r.Reference == $"Practitioner/{gpId}");
        Assert.NotNull(communication.Sent);
        Assert.Equal($"Patient/{patientId}", communication.Subject.Reference);
        await FhirAsync(await oncologist.GetAsync($"/fhir/Communication/{transmissionId}"), HttpStatusCode.OK);

        // DocumentReference?patient=: the signed PPS, LOINC-typed, with its PDF and its CDA, both downloadable at the URLs given.
        var document = (await SearchAsync<R4.DocumentReference>(oncologist, $"/fhir/DocumentReference?patient={patientId}&type=pps")).Single();
        Assert.Equal(documentId.ToString(), document.Id);
        Assert.Equal(R4.CompositionStatus.Final, document.DocStatus);
        Assert.Contains(document.Type.Coding, c => c.System == "http://loinc.org" && c.Code == "18776-5");
        Assert.Equal(2, document.Content.Count);
        var pdf = await oncologist.GetAsync(new Uri(document.Content[0].Attachment.Url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith($"/api/patients/{patientId}/documents/{documentId}/cda", document.Content[1].Attachment.Url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await oncologist.GetAsync(new Uri(document.Content[1].Attachment.Url).PathAndQuery)).StatusCode);
        await FhirAsync(await oncologist.GetAsync($"/fhir/DocumentReference/{documentId}"), HttpStatusCode.OK);
        Assert.Empty(await SearchAsync<R4.DocumentReference>(oncologist, $"/fhir/DocumentReference?patient={patientId}&type=letter"));
        var badType = (R4.OperationOutcome)await FhirAsync(await oncologist.GetAsync($"/fhir/DocumentReference?patient={patientId}&type=horoscope"), HttpStatusCode.BadRequest);
        Assert.Equal("type", badType.Issue.Single().Expression.Single());

        // The CapabilityStatement names them.
        var statement = (R4.CapabilityStatement)await FhirAsync(await factory.CreateClient().GetAsync("/fhir/metadata"), HttpStatusCode.OK);
        Assert.Subset(statement.Rest[0].Resource.Select(r => r.Type).ToHashSet(), new HashSet<string> { "Task", "Communication", "DocumentReference" });

        // An outsider: what a missing patient gets, for each resource, audited; Task?owner= leaves this record out.
        var outsider = await factory.ClientAsAsync(Api.OtherGp);
        await AssertOutsiderGetsWhatAMissingPatientGetsAsync(outsider, patientId, "Task", rowId);
        await AssertOutsiderGetsWhatAMissingPatientGetsAsync(outsider, patientId, "Communication", transmissionId.ToString());
        await AssertOutsiderGetsWhatAMissingPatientGetsAsync(outsider, patientId, "DocumentReference", documentId.ToString());
        Assert.DoesNotContain(await SearchAsync<R4.Task>(outsider, $"/fhir/Task?owner=Practitioner/{gpId}"), t => t.For.Reference == $"Patient/{patientId}");
    }

    [Fact]
    public async Task AnEarlyReturnAlert_IsATask_OnTheRaisingObservation()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
            new { episodeId, endOfTreatment = "2026-02-15", protocol = "breast" })).StatusCode);
        foreach (var (value, on) in new[] { (20m, "2026-03-01"), (24m, "2026-06-01"), (31m, "2026-09-01") })
            Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/observations",
                new { code = "ca15-3", value, unit = "U/mL", effective = on, laboratory = "Laboratoire Bio-Normandie", upperLimit = 30m })).StatusCode);

        var gp = await factory.ClientAsAsync(Api.Gp);
        var alert = (await SearchAsync<R4.Task>(gp, $"/fhir/Task?patient={patientId}&status=requested"))
            .Single(t => t.Id.StartsWith(FhirCoordinationMapper.AlertPrefix, StringComparison.Ordinal));
        Assert.Equal((FhirCoordinationMapper.AlertRuleSystem, "ca15-3-rise"), (alert.Code.Coding.Single().System, alert.Code.Coding.Single().Code));
        Assert.StartsWith("Observation/", alert.Focus.Reference, StringComparison.Ordinal);
        await FhirAsync(await gp.GetAsync($"/fhir/Observation/{alert.Focus.Reference["Observation/".Length..]}"), HttpStatusCode.OK);
        Assert.Equal(alert.Id, ((R4.Task)await FhirAsync(await gp.GetAsync($"/fhir/Task/{alert.Id}"), HttpStatusCode.OK)).Id);
        await AssertOutsiderGetsWhatAMissingPatientGetsAsync(await factory.ClientAsAsync(Api.OtherGp), patientId, "Task", alert.Id);
    }

    [Fact]
    public async Task TheCarnet_IsServiceRequests_AndTheAppointments_AreAppointments()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
            new { episodeId, endOfTreatment = "2026-02-15", protocol = "breast" })).StatusCode);
        var cycleId = await oncologist.PlanCycleAsync(patientId, episodeId, "2026-12-01T08:00:00Z");
        var gp = await factory.ClientAsAsync(Api.Gp);

        // The carnet: each planned exam a ServiceRequest, its kind, performer and due date, as /api lists it.
        var carnet = (await gp.GetJsonAsync($"/api/patients/{patientId}/carnet")).GetProperty("items").EnumerateArray().ToList();
        var requests = await SearchAsync<R4.ServiceRequest>(gp, $"/fhir/ServiceRequest?patient={patientId}&_count=200");
        Assert.Equal(carnet.Count, requests.Count);
        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.Equal((R4.RequestIntent.Plan, $"Patient/{patientId}", FhirCalendarMapper.SurveillanceKindSystem),
            (r.Intent.Value, r.Subject.Reference, r.Code.Coding.Single().System)));
        var first = requests[0];
        Assert.Equal(carnet.Min(i => i.GetProperty("due").GetString()), ((R4.FhirDateTime)first.Occurrence).Value);
        await FhirAsync(await gp.GetAsync($"/fhir/ServiceRequest/{first.Id}"), HttpStatusCode.OK);

        // The chemotherapy cycle: a booked Appointment at its hour, the patient and the performer taking part.
        var appointment = (await SearchAsync<R4.Appointment>(gp, $"/fhir/Appointment?patient={patientId}")).Single();
        Assert.Equal((cycleId.ToString(), R4.Appointment.AppointmentStatus.Booked), (appointment.Id, appointment.Status.Value));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), appointment.Start);
        Assert.Equal("chemotherapy-cycle", appointment.ServiceType.Single().Coding.Single().Code);
        Assert.Contains(appointment.Participant, p => p.Actor.Reference == $"Patient/{patientId}");
        Assert.Contains(appointment.Participant, p => p.Actor.Display == "Dr Claire Martin");
        await FhirAsync(await gp.GetAsync($"/fhir/Appointment/{cycleId}"), HttpStatusCode.OK);

        var outsider = await factory.ClientAsAsync(Api.OtherGp);
        await AssertOutsiderGetsWhatAMissingPatientGetsAsync(outsider, patientId, "ServiceRequest", first.Id);
        await AssertOutsiderGetsWhatAMissingPatientGetsAsync(outsider, patientId, "Appointment", cycleId.ToString());
    }

    [Fact]
    public async Task TheSymptomQuestionnaire_IsAQuestionnaire_AndThePatientsAnswers_AQuestionnaireResponseNamingIt()
    {
        var (team, nurse) = await factory.TeamWithNurseAsync();
        var answered = await nurse.FeverAsync(team.PatientId, 37.2m);
        var responseId = answered.GetProperty("id").GetGuid();

        // The definition: the same id and canonical URL as /api/questionnaires/{code}, its items typed, its answer options.
        var definition = await nurse.GetJsonAsync($"/api/questionnaires/{SymptomPatients.Toxicity}");
        var questionnaires = await SearchAsync<R4.Questionnaire>(nurse, $"/fhir/Questionnaire?url={Uri.EscapeDataString(FhirQuestionnaireMapper.UrlOf(SymptomPatients.Toxicity))}");
        var questionnaire = questionnaires.Single(q => q.Id == definition.GetProperty("id").GetString());
        Assert.Equal(definition.GetProperty("url").GetString(), questionnaire.Url);
        Assert.Equal(R4.Questionnaire.QuestionnaireItemType.Decimal, questionnaire.Item.Single(i => i.LinkId == "temperature").Type);
        Assert.NotEmpty(questionnaire.Item.Single(i => i.LinkId == "nausea").AnswerOption);
        await FhirAsync(await nurse.GetAsync($"/fhir/Questionnaire/{questionnaire.Id}"), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await nurse.GetAsync("/fhir/Questionnaire/nothing-9")).StatusCode);

        // The answers: completed, for the patient, naming the questionnaire's version, each answer typed as its item.
        var response = (await SearchAsync<R4.QuestionnaireResponse>(nurse, $"/fhir/QuestionnaireResponse?patient={team.PatientId}")).Single(r => r.Id == responseId.ToString());
        Assert.Equal(R4.QuestionnaireResponse.QuestionnaireResponseStatus.Completed, response.Status);
        Assert.Equal($"{questionnaire.Url}|{questionnaire.Version}", response.Questionnaire);
        Assert.Equal($"Patient/{team.PatientId}", response.Subject.Reference);
        Assert.Equal(37.2m, ((R4.FhirDecimal)response.Item.Single(i => i.LinkId == "temperature").Answer.Single().Value).Value);
        Assert.False(((R4.FhirBoolean)response.Item.Single(i => i.LinkId == "chills").Answer.Single().Value).Value);
        Assert.Equal("0", ((R4.Coding)response.Item.Single(i => i.LinkId == "nausea").Answer.Single().Value).Code);
        await FhirAsync(await nurse.GetAsync($"/fhir/QuestionnaireResponse/{responseId}"), HttpStatusCode.OK);

        await AssertOutsiderGetsWhatAMissingPatientGetsAsync(await factory.ClientAsAsync(Api.OtherGp), team.PatientId, "QuestionnaireResponse", responseId.ToString());
    }

    /// <summary>
    /// Every answer of a response is an item of its questionnaire, typed as that item is (a choice among its options);
    /// the required items are answered. Returns what is wrong (empty: nothing). The base R4 validator does not check a
    /// response against its questionnaire, so this is asserted explicitly, as the profiles are.
    /// </summary>
    private static List<string> Mismatches(R4.QuestionnaireResponse response, R4.Questionnaire questionnaire)
    {
        var wrong = new List<string>();
        if (response.Questionnaire != $"{questionnaire.Url}|{questionnaire.Version}") wrong.Add($"questionnaire {response.Questionnaire}");
        foreach (var item in response.Item)
        {
            var defined = questionnaire.Item.FirstOrDefault(i => i.LinkId == item.LinkId);
            if (defined is null) { wrong.Add($"{item.LinkId}: no such item"); continue; }
            foreach (var value in item.Answer.Select(a => a.Value))
            {
                var fits = defined.Type switch
                {
                    R4.Questionnaire.QuestionnaireItemType.Boolean => value is R4.FhirBoolean,
                    R4.Questionnaire.QuestionnaireItemType.Decimal => value is R4.FhirDecimal,
                    R4.Questionnaire.QuestionnaireItemType.Integer => value is R4.Integer,
                    R4.Questionnaire.QuestionnaireItemType.Choice => value is R4.Coding c && defined.AnswerOption.Any(o => o.Value is R4.Coding oc && oc.System == c.System && oc.Code == c.Code),
                    _ => false,
                };
                if (!fits) wrong.Add($"{item.LinkId}: {value?.TypeName} does not answer a {defined.Type} item");
            }
        }
        wrong.AddRange(questionnaire.Item.Where(i => i.Required == true && !response.Item.Any(r => r.LinkId == i.LinkId && r.Answer.Count > 0)).Select(i => $"{i.LinkId}: unanswered"));
        return wrong;
    }

    [Fact]
    public async Task TheG8AndEpicesScreenings_AreQuestionnaires_AndEachRecordedScreening_AResponseAnsweringItsItems_SearchableByPatient()
    {
        var (oncologist, patientId, episodeId) = await factory.NewPatientAsync("1948-05-10");
        var g8 = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/g8", new
        {
            foodIntake = 1, weightLoss = 2, mobility = 2, neuropsychological = 2, bodyMassIndex = 20.5, moreThanThreeMedications = true, selfRatedHealth = 0.5,
        })).JsonAsync();
        var g8Id = g8.GetProperty("id").GetGuid().ToString();
        bool[] secure = [false, true, true, true, false, true, true, true, true, true, true];
        (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}/announcement/epices", new { answers = secure, socialWorkerOriented = false }))
            .EnsureSuccessStatusCode();

        // The two questionnaires: fixed ids and canonical URLs, every item typed, the score read-only.
        var g8Questionnaire = (R4.Questionnaire)await FhirAsync(await oncologist.GetAsync("/fhir/Questionnaire/g8"), HttpStatusCode.OK);
        Assert.Equal((FhirScreeningMapper.G8Url, 9), (g8Questionnaire.Url, g8Questionnaire.Item.Count));
        Assert.Equal(4, g8Questionnaire.Item.Single(i => i.LinkId == "self-rated-health").AnswerOption.Count);
        Assert.True(g8Questionnaire.Item.Single(i => i.LinkId == FhirScreeningMapper.ScoreLinkId).ReadOnly);
        var epicesQuestionnaire = (await SearchAsync<R4.Questionnaire>(oncologist, $"/fhir/Questionnaire?url={Uri.EscapeDataString(FhirScreeningMapper.EpicesUrl)}")).Single();
        Assert.Equal(12, epicesQuestionnaire.Item.Count);
        Assert.Contains(await SearchAsync<R4.Questionnaire>(oncologist, $"/fhir/Questionnaire?url={Uri.EscapeDataString(FhirScreeningMapper.G8Url)}"), q => q.Id == "g8");

        // The G8, found by patient and questionnaire: its answers (self-rated health "does not know" is the choice 0.5), the score the API gave.
        var g8Response = Assert.Single(await SearchAsync<R4.QuestionnaireResponse>(oncologist,
            $"/fhir/QuestionnaireResponse?patient={patientId}&questionnaire={Uri.EscapeDataString(FhirScreeningMapper.G8Url)}"));
        Assert.Equal(g8Id, g8Response.Id);
        Assert.Empty(Mismatches(g8Response, g8Questionnaire));
        Assert.Equal("0.5", ((R4.Coding)g8Response.Item.Single(i => i.LinkId == "self-rated-health").Answer.Single().Value).Code);
        Assert.Equal(g8.GetProperty("score").GetDecimal(), ((R4.FhirDecimal)g8Response.Item.Single(i => i.LinkId == FhirScreeningMapper.ScoreLinkId).Answer.Single().Value).Value);
        Assert.Equal($"Patient/{patientId}", g8Response.Subject.Reference);
        Assert.StartsWith("Practitioner/", g8Response.Author.Reference, StringComparison.Ordinal);

        // The EPICES score of the announcement (questionnaire given with its version): eleven answers, score 0.
        var epices = Assert.Single(await SearchAsync<R4.QuestionnaireResponse>(oncologist,
            $"/fhir/QuestionnaireResponse?patient={patientId}&questionnaire={Uri.EscapeDataString(FhirScreeningMapper.EpicesUrl + "|1")}"));
        Assert.Empty(Mismatches(epices, epicesQuestionnaire));
        Assert.Equal(secure, epices.Item.Where(i => i.LinkId != FhirScreeningMapper.ScoreLinkId).Select(i => ((R4.FhirBoolean)i.Answer.Single().Value).Value!.Value).ToArray());
        Assert.Equal(0m, ((R4.FhirDecimal)epices.Item.Single(i => i.LinkId == FhirScreeningMapper.ScoreLinkId).Answer.Single().Value).Value);

        // Both among the patient's responses, each readable by id; a questionnaire parameter left empty names itself.
        var all = await SearchAsync<R4.QuestionnaireResponse>(oncologist, $"/fhir/QuestionnaireResponse?patient={patientId}");
        Assert.Contains(all, r => r.Id == g8Id);
        Assert.Contains(all, r => r.Id == epices.Id);
        await FhirAsync(await oncologist.GetAsync($"/fhir/QuestionnaireResponse/{g8Id}"), HttpStatusCode.OK);
        await FhirAsync(await oncologist.GetAsync($"/fhir/QuestionnaireResponse/{epices.Id}"), HttpStatusCode.OK);
        var empty = (R4.OperationOutcome)await FhirAsync(await oncologist.GetAsync($"/fhir/QuestionnaireResponse?patient={patientId}&questionnaire="), HttpStatusCode.BadRequest);
        Assert.Equal("questionnaire", empty.Issue.Single().Expression.Single());

        // The checks reject broken copies: the validator a response without its status, the questionnaire check an answer of the wrong type.
        var noStatus = (R4.QuestionnaireResponse)FhirJson.Parse(FhirJson.Serialize(g8Response));
        noStatus.Status = null;
        Assert.NotEmpty(FhirValidation.Errors(noStatus));
        var wrongType = (R4.QuestionnaireResponse)FhirJson.Parse(FhirJson.Serialize(g8Response));
        wrongType.Item.Single(i => i.LinkId == "age").Answer.Single().Value = new R4.FhirString("78");
        Assert.Contains(Mismatches(wrongType, g8Questionnaire), m => m.StartsWith("age:", StringComparison.Ordinal));

        await AssertOutsiderGetsWhatAMissingPatientGetsAsync(await factory.ClientAsAsync(Api.OtherGp), patientId, "QuestionnaireResponse", g8Id);
    }
}

[Collection("sqlite")]
public sealed class FhirCoordinationSqliteTests(SqliteRelaisFactory factory) : FhirCoordinationTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class FhirCoordinationPostgresTests(PostgresRelaisFactory factory) : FhirCoordinationTests(factory), IClassFixture<PostgresRelaisFactory>;
