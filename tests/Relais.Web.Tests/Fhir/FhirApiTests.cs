#nullable disable warnings
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Interop;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Features.Fhir;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Infrastructure;
using R4 = Hl7.Fhir.Model;

namespace Relais.Web.Tests.Fhir;

/// <summary>
/// The FHIR R4 API (issue 17 points 1 and 2) end to end: what it answers is valid R4 (Firely validator) and carries
/// the FR Core and mCODE codes; an outsider gets what a missing patient gets, audited; a laboratory Bundle raises
/// the alert the JSON feed raises, all or nothing, once per Bundle identifier, and only on a qualified INS whose
/// traits agree.
/// </summary>
public abstract class FhirApiTests(RelaisFactory factory)
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

    private async Task<int> AuditAsync(Guid patientId, string outcome)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        return await db.AuditEntries.CountAsync(a => a.PatientId == patientId && a.Outcome == outcome);
    }

    [Fact]
    public async Task Metadata_Searches_AndReads_AnswerValidFhir_ThroughTheAccessRule_AndAnOutsiderGetsWhatAMissingPatientGets()
    {
        var anonymous = factory.CreateClient();
        var statement = (R4.CapabilityStatement)await FhirAsync(await anonymous.GetAsync("/fhir/metadata"), HttpStatusCode.OK);
        Assert.Contains(statement.Rest[0].Resource, r => r.Type == "Observation");

        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().Named("Fhirlecture", "Léa").Born(1968, 5, 12).CreateAsync(oncologist);
        await An.Episode().CreateAsync(oncologist, patientId);
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/observations",
            new { code = "ca15-3", value = 18.5m, unit = "U/mL", effective = "2026-11-02", laboratory = "Laboratoire Bio-Normandie", upperLimit = 30m })).StatusCode);
        var ins = (await oncologist.GetJsonAsync($"/api/patients/{patientId}")).GetProperty("ins").GetString();

        // Patient?identifier=<INS-NIR>: the record, FR Core INS with its identity status (provisional: typed by hand).
        var readsBefore = await AuditAsync(patientId, "allowed");
        var found = (R4.Bundle)await FhirAsync(await oncologist.GetAsync($"/fhir/Patient?identifier={Uri.EscapeDataString(FhirCodes.InsNirSystem + "|" + ins)}"), HttpStatusCode.OK);
        Assert.Equal(R4.Bundle.BundleType.Searchset, found.Type);
        Assert.Equal(1, found.Total);
        var patient = (R4.Patient)found.Entry.Single().Resource;
        FhirFixturesTests.AssertFrCorePatientIns(patient, ins, "PROV");
        Assert.Equal(patientId.ToString(), patient.Id);
        Assert.Contains(found.Link, l => l.Relation == "self");
        Assert.True(await AuditAsync(patientId, "allowed") > readsBefore, "the FHIR read is audited");

        // An outsider: an empty searchset, the same as for an INS nobody holds, and the denial is audited.
        var outsider = await factory.ClientAsAsync(Api.OtherGp);
        var denialsBefore = await AuditAsync(patientId, "denied");
        var refused = (R4.Bundle)await FhirAsync(await outsider.GetAsync($"/fhir/Patient?identifier={Uri.EscapeDataString(FhirCodes.InsNirSystem + "|" + ins)}"), HttpStatusCode.OK);
        var unknown = (R4.Bundle)await FhirAsync(await outsider.GetAsync($"/fhir/Patient?identifier={Uri.EscapeDataString(FhirCodes.InsNirSystem + "|" + Api.Ins("2680599123456"))}"), HttpStatusCode.OK);
        Assert.Equal((0, 0), (refused.Total, refused.Entry.Count));
        Assert.Equal((unknown.Total, unknown.Entry.Count), (refused.Total, refused.Entry.Count));
        Assert.Equal(denialsBefore + 1, await AuditAsync(patientId, "denied"));
        var outsiderRead = await outsider.GetAsync($"/fhir/Patient/{patientId}");
        var missingRead = await outsider.GetAsync($"/fhir/Patient/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, outsiderRead.StatusCode);
        Assert.Equal(await missingRead.Content.ReadAsStringAsync(), await outsiderRead.Content.ReadAsStringAsync());
        Assert.IsType<R4.OperationOutcome>(await FhirAsync(outsiderRead, HttpStatusCode.NotFound));
        var outsiderObservations = (R4.Bundle)await FhirAsync(await outsider.GetAsync($"/fhir/Observation?patient={patientId}"), HttpStatusCode.OK);
        Assert.Empty(outsiderObservations.Entry);

        // Observation?patient=&code=http://loinc.org|6875-9: the CA 15-3, LOINC, UCUM, reference range, laboratory.
        var markers = (R4.Bundle)await FhirAsync(await oncologist.GetAsync($"/fhir/Observation?patient={patientId}&code={Uri.EscapeDataString("http://loinc.org|6875-9")}&date=ge2026-11-01"), HttpStatusCode.OK);
        var ca153 = (R4.Observation)markers.Entry.Single().Resource;
        Assert.Equal("6875-9", ca153.Code.Coding.Single().Code);
        Assert.Equal(18.5m, ((R4.Quantity)ca153.Value).Value);
        Assert.Equal("U/mL", ((R4.Quantity)ca153.Value).Code);
        Assert.Equal(30m, ca153.ReferenceRange.Single().High.Value);
        var later = (R4.Bundle)await FhirAsync(await oncologist.GetAsync($"/fhir/Observation?patient={patientId}&code={Uri.EscapeDataString("http://loinc.org|6875-9")}&date=gt2026-11-02"), HttpStatusCode.OK);
        Assert.Empty(later.Entry);
        var single = (R4.Observation)await FhirAsync(await oncologist.GetAsync($"/fhir/Observation/{ca153.Id}"), HttpStatusCode.OK);
        Assert.Equal(ca153.Id, single.Id);

        // Condition?patient=: the mCODE primary cancer condition, ICD-10 site and ICD-O-3 morphology.
        var conditions = (R4.Bundle)await FhirAsync(await oncologist.GetAsync($"/fhir/Condition?patient=Patient/{patientId}"), HttpStatusCode.OK);
        var condition = (R4.Condition)conditions.Entry.Single().Resource;
        Assert.Contains(FhirCodes.McodePrimaryCancerCondition, condition.Meta.Profile);
        Assert.Equal("C50.4", condition.Code.Coding.Single(c => c.System == FhirCodes.Icd10).Code);
        Assert.Equal("8500/3", ((R4.CodeableConcept)R4.ExtensionExtensions.GetExtension(condition, FhirCodes.McodeHistology).Value).Coding.Single(c => c.System == FhirCodes.IcdO3).Code);
        await FhirAsync(await oncologist.GetAsync($"/fhir/Condition/{condition.Id}"), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/fhir/Condition/{condition.Id}")).StatusCode);

        // CarePlan?patient=&category=pps: none written yet, an empty searchset; a bad category is an OperationOutcome naming it.
        var plans = (R4.Bundle)await FhirAsync(await oncologist.GetAsync($"/fhir/CarePlan?patient={patientId}&category=pps"), HttpStatusCode.OK);
        Assert.Empty(plans.Entry);
        var badCategory = (R4.OperationOutcome)await FhirAsync(await oncologist.GetAsync($"/fhir/CarePlan?patient={patientId}&category=nope"), HttpStatusCode.BadRequest);
        Assert.Equal("category", badCategory.Issue.Single().Expression.Single());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/fhir/Patient/{patientId}")).StatusCode);
    }

    [Fact]
    public async Task PatientSearch_IsPagedWithBundleLinks()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var first = (R4.Bundle)await FhirAsync(await gp.GetAsync("/fhir/Patient?_count=2"), HttpStatusCode.OK);
        Assert.Equal(2, first.Entry.Count);
        Assert.True(first.Total > 2);
        var next = first.Link.Single(l => l.Relation == "next").Url;
        var second = (R4.Bundle)await FhirAsync(await gp.GetAsync(new Uri(next).PathAndQuery), HttpStatusCode.OK);
        Assert.Equal(2, second.Entry.Count);
        Assert.Empty(first.Entry.Select(e => e.Resource.Id).Intersect(second.Entry.Select(e => e.Resource.Id)));
        Assert.Contains(second.Link, l => l.Relation == "previous");
    }

    /// <summary>The patient's identity qualified as the INSi teleservice and a checked passport would (both are tested with their use cases elsewhere).</summary>
    private async Task<(string Ins, string BirthName, string FirstName, string BirthDate, string Gender)> QualifyAsync(Guid patientId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var clock = scope.ServiceProvider.GetRequiredService<Relais.Web.Clock>();
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId);
        patient.InsVerifiedByInsi(InsOids.NirTest, clock.Now);
        patient.IdentityDocumentChecked(IdentityDocumentKind.Passport, Guid.NewGuid(), clock.Today, clock.Today, clock.Now);
        await db.SaveChangesAsync();
        Assert.Equal(IdentityStatus.Qualified, patient.IdentityStatus);
        return (patient.Ins, patient.BirthName, patient.FirstNames.Split(' ')[0], patient.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), FhirCodes.Gender(patient.Sex));
    }

    private static object LabBundle(string id, (string Ins, string BirthName, string FirstName, string BirthDate, string Gender) who, params (decimal Value, string On, string Unit)[] results)
    {
        var entries = new List<object>
        {
            new
            {
                fullUrl = "urn:uuid:7f0c7c4e-0000-4000-8000-000000000001",
                resource = new
                {
                    resourceType = "Patient",
                    identifier = new[] { new { system = FhirCodes.InsNirTestSystem, value = who.Ins } },
                    name = new[] { new { use = "official", family = who.BirthName, given = new[] { who.FirstName } } },
                    gender = who.Gender,
                    birthDate = who.BirthDate,
                },
                request = new { method = "POST", url = "Patient" },
            },
            new
            {
                fullUrl = "urn:uuid:7f0c7c4e-0000-4000-8000-000000000002",
                resource = new
                {
                    resourceType = "DiagnosticReport",
                    status = "final",
                    code = new { coding = new[] { new { system = "http://loinc.org", code = "6875-9" } } },
                    subject = new { reference = "urn:uuid:7f0c7c4e-0000-4000-8000-000000000001" },
                    performer = new[] { new { display = "Laboratoire Bio-Normandie" } },
                    result = results.Select((_, i) => new { reference = $"urn:uuid:7f0c7c4e-0000-4000-8000-00000000010{i}" }).ToArray(),
                },
                request = new { method = "POST", url = "DiagnosticReport" },
            },
        };
        entries.AddRange(results.Select((r, i) => (object)new
        {
            fullUrl = $"urn:uuid:7f0c7c4e-0000-4000-8000-00000000010{i}",
            resource = new
            {
                resourceType = "Observation",
                status = "final",
                code = new { coding = new[] { new { system = "http://loinc.org", code = "6875-9", display = "Cancer Ag 15-3 [Units/volume] in Serum or Plasma" } } },
                subject = new { reference = "urn:uuid:7f0c7c4e-0000-4000-8000-000000000001" },
                effectiveDateTime = r.On,
                performer = new[] { new { display = "Laboratoire Bio-Normandie" } },
                valueQuantity = new { value = r.Value, unit = r.Unit, system = "http://unitsofmeasure.org", code = r.Unit },
                referenceRange = new[] { new { high = new { value = 30m, unit = "U/mL", system = "http://unitsofmeasure.org", code = "U/mL" } } },
            },
            request = new { method = "POST", url = "Observation" },
        }));
        return new { resourceType = "Bundle", type = "transaction", identifier = new { system = "urn:oid:1.2.250.1.999.1", value = id }, entry = entries };
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, object bundle) =>
        client.PostAsync("/fhir", new StringContent(JsonSerializer.Serialize(bundle), Encoding.UTF8, FhirJson.ContentType));

    [Fact]
    public async Task ALaboratoryBundle_RaisesTheAlertTheJsonFeedRaises_AllOrNothing_OncePerBundleIdentifier()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
            new { episodeId, endOfTreatment = "2026-02-15", protocol = "breast" })).StatusCode);
        var who = await QualifyAsync(patientId);
        var gp = await factory.ClientAsAsync(Api.Gp);
        async Task<int> SeriesAsync() => (await gp.GetJsonAsync($"/api/patients/{patientId}/observations?code=ca15-3")).GetArrayLength();
        var bundleId = $"lab-{Guid.NewGuid():N}";

        // A faulty entry (entry[4]: a CA 15-3 in ng/mL) refuses the Bundle, naming the entry; nothing is written.
        var faulty = await PostAsync(gp, LabBundle(bundleId, who, (20m, "2026-03-01", "U/mL"), (24m, "2026-06-01", "U/mL"), (31m, "2026-09-01", "ng/mL")));
        var outcome = (R4.OperationOutcome)await FhirAsync(faulty, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("Bundle.entry[4].resource.valueQuantity", outcome.Issue.Single().Expression.Single(), StringComparison.Ordinal);
        Assert.Equal(0, await SeriesAsync());

        // The same results, right: three recorded through the laboratory feed, the third a confirmed rise (the feed's alert).
        var response = (R4.Bundle)await FhirAsync(await PostAsync(gp, LabBundle(bundleId, who, (20m, "2026-03-01", "U/mL"), (24m, "2026-06-01", "U/mL"), (31m, "2026-09-01", "U/mL"))), HttpStatusCode.OK);
        Assert.Equal(R4.Bundle.BundleType.TransactionResponse, response.Type);
        Assert.Equal(5, response.Entry.Count);
        Assert.All(response.Entry.Skip(2), e => Assert.Equal("201 Created", e.Response.Status));
        Assert.Equal(3, await SeriesAsync());
        var alerts = await gp.GetStringAsync($"/api/patients/{patientId}/alerts");
        Assert.Contains("ca15-3-rise", alerts, StringComparison.Ordinal);

        // Sent again under the same identifier: the same answer, nothing written twice.
        var again = (R4.Bundle)await FhirAsync(await PostAsync(gp, LabBundle(bundleId, who, (20m, "2026-03-01", "U/mL"), (24m, "2026-06-01", "U/mL"), (31m, "2026-09-01", "U/mL"))), HttpStatusCode.OK);
        Assert.Equal(response.Entry.Select(e => e.Response.Location), again.Entry.Select(e => e.Response.Location));
        Assert.Equal(3, await SeriesAsync());

        // The recorded results read back in FHIR with their LOINC code.
        var read = (R4.Bundle)await FhirAsync(await gp.GetAsync($"/fhir/Observation?patient={patientId}&code={Uri.EscapeDataString("http://loinc.org|6875-9")}"), HttpStatusCode.OK);
        Assert.Equal(3, read.Entry.Count);
    }

    [Fact]
    public async Task ALaboratoryBundle_WhoseTraitsDisagree_OrWhoseIdentityIsNotQualified_IsHeldForIdentityVigilance_NeverOnTheRecord()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
            new { episodeId, endOfTreatment = "2026-02-15", protocol = "breast" })).StatusCode);
        var ins = (await oncologist.GetJsonAsync($"/api/patients/{patientId}")).GetProperty("ins").GetString();
        var gp = await factory.ClientAsAsync(Api.Gp);
        async Task<int> SeriesAsync() => (await gp.GetJsonAsync($"/api/patients/{patientId}/observations?code=ca15-3")).GetArrayLength();

        // Not qualified yet (an INS typed by hand): held, whatever the traits.
        var detail = await oncologist.GetJsonAsync($"/api/patients/{patientId}");
        var traits = (ins, detail.GetProperty("birthName").GetString(), detail.GetProperty("firstNames").GetString().Split(' ')[0],
            detail.GetProperty("birthDate").GetString(), detail.GetProperty("sex").GetString());
        var notQualified = (R4.Bundle)await FhirAsync(await PostAsync(gp, LabBundle($"lab-{Guid.NewGuid():N}", traits, (20m, "2026-03-01", "U/mL"))), HttpStatusCode.OK);
        Assert.All(notQualified.Entry, e => Assert.Equal("202 Accepted", e.Response.Status));
        Assert.Equal(0, await SeriesAsync());

        // Qualified, but the birth date sent disagrees: held too, and the referent sees it on the worklist.
        var who = await QualifyAsync(patientId);
        var wrongDate = who with { BirthDate = "1950-01-01" };
        var held = (R4.Bundle)await FhirAsync(await PostAsync(gp, LabBundle($"lab-{Guid.NewGuid():N}", wrongDate, (20m, "2026-03-01", "U/mL"))), HttpStatusCode.OK);
        Assert.All(held.Entry, e => Assert.Equal("202 Accepted", e.Response.Status));
        Assert.Equal(0, await SeriesAsync());
        var nurse = await factory.ClientAsAsync(Api.Nurse);
        var worklist = await nurse.GetStringAsync("/api/identity-vigilance");
        Assert.Contains("external-result-held", worklist, StringComparison.Ordinal);
        Assert.Contains(ExternalIdentityMatch.BirthDateDiffers, worklist, StringComparison.Ordinal);

        // An outsider sending the right identity gets the answer an unknown INS gets: held, nothing on the record.
        var outsider = await factory.ClientAsAsync(Api.OtherGp);
        var refused = (R4.Bundle)await FhirAsync(await PostAsync(outsider, LabBundle($"lab-{Guid.NewGuid():N}", who, (20m, "2026-03-01", "U/mL"))), HttpStatusCode.OK);
        var unknown = (R4.Bundle)await FhirAsync(await PostAsync(outsider, LabBundle($"lab-{Guid.NewGuid():N}", who with { Ins = Api.Ins("2680599123457") }, (20m, "2026-03-01", "U/mL"))), HttpStatusCode.OK);
        Assert.Equal(unknown.Entry.Select(e => e.Response.Status), refused.Entry.Select(e => e.Response.Status));
        Assert.Equal(0, await SeriesAsync());
    }

    [Fact]
    public async Task HeldLaboratoryResults_AreListedForTheReferent_WhoAttachesThemToTheRightRecord_RunningItsRules_OrRejectsThem_Audited()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
            new { episodeId, endOfTreatment = "2026-02-15", protocol = "breast" })).StatusCode);
        var who = await QualifyAsync(patientId);
        var gp = await factory.ClientAsAsync(Api.Gp);
        var nurse = await factory.ClientAsAsync(Api.Nurse);
        async Task<int> SeriesAsync() => (await gp.GetJsonAsync($"/api/patients/{patientId}/observations?code=ca15-3")).GetArrayLength();

        // The laboratory mistyped the INS (one no record holds): the three results are held, on no record.
        var typo = who with { Ins = Api.Ins($"2680599{Random.Shared.Next(100000, 999999)}") };
        var sent = (R4.Bundle)await FhirAsync(await PostAsync(gp, LabBundle($"lab-{Guid.NewGuid():N}", typo, (20m, "2026-03-01", "U/mL"), (24m, "2026-06-01", "U/mL"), (31m, "2026-09-01", "U/mL"))), HttpStatusCode.OK);
        Assert.All(sent.Entry, e => Assert.Equal("202 Accepted", e.Response.Status));
        Assert.Equal(0, await SeriesAsync());

        // The referent's list: the identity sent, why it was held, the results (marker, date, laboratory; no value), open.
        Assert.Equal(HttpStatusCode.Forbidden, (await gp.GetAsync("/api/identity-vigilance/external-results")).StatusCode);
        var line = (await nurse.GetJsonAsync("/api/identity-vigilance/external-results")).EnumerateArray().Single(l => l.GetProperty("ins").GetString() == typo.Ins);
        var lineId = line.GetProperty("id").GetGuid();
        Assert.Equal((who.BirthName, who.BirthDate, "open"), (line.GetProperty("birthName").GetString(), line.GetProperty("birthDate").GetString(), line.GetProperty("status").GetString()));
        Assert.Equal(new[] { ExternalIdentityMatch.UnknownIns }, line.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToArray());
        Assert.Equal(3, line.GetProperty("results").GetArrayLength());
        Assert.All(line.GetProperty("results").EnumerateArray(), r => Assert.Equal(("ca15-3", "Laboratoire Bio-Normandie"), (r.GetProperty("code").GetString(), r.GetProperty("laboratory").GetString())));
        Assert.DoesNotContain("31", line.GetProperty("results").GetRawText(), StringComparison.Ordinal);

        // Attaching names the record; a record the referent may not write to (not in its team yet) answers as a missing one, and nothing is written.
        var url = $"/api/identity-vigilance/external-results/{lineId}";
        var noRecord = await nurse.PostAsJsonAsync($"{url}/attach", new { patientId = (Guid?)null });
        Assert.Equal(HttpStatusCode.BadRequest, noRecord.StatusCode);
        Assert.True((await noRecord.JsonAsync()).GetProperty("errors").TryGetProperty("patientId", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await nurse.PostAsJsonAsync($"{url}/attach", new { patientId })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nurse.PostAsJsonAsync($"{url}/attach", new { patientId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(0, await SeriesAsync());
        Assert.Contains((await nurse.GetJsonAsync("/api/identity-vigilance/external-results")).EnumerateArray(), l => l.GetProperty("id").GetGuid() == lineId);

        // In the team, the referent attaches them: the feed records them on the record and its rules raise the confirmed rise, as for a result received for it.
        var nurseId = (await oncologist.GetJsonAsync("/api/professionals?search=Moreau"))[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/care-team", new { professionalId = nurseId, role = "nurse-coordinator" })).StatusCode);
        var attached = await nurse.PostAsJsonAsync($"{url}/attach", new { patientId });
        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        Assert.Equal(3, (await attached.JsonAsync()).GetProperty("recorded").GetInt32());
        Assert.Equal(3, await SeriesAsync());
        Assert.Contains("ca15-3-rise", await gp.GetStringAsync($"/api/patients/{patientId}/alerts"), StringComparison.Ordinal);
        var again = await nurse.PostAsJsonAsync($"{url}/attach", new { patientId });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("heldResult", (await again.JsonAsync()).GetProperty("field").GetString());
        Assert.Equal(3, await SeriesAsync());
        Assert.DoesNotContain((await nurse.GetJsonAsync("/api/identity-vigilance/external-results")).EnumerateArray(), l => l.GetProperty("id").GetGuid() == lineId);
        var closed = (await nurse.GetJsonAsync("/api/identity-vigilance/external-results?closed=true")).EnumerateArray().Single(l => l.GetProperty("id").GetGuid() == lineId);
        Assert.Equal(("attached", patientId), (closed.GetProperty("status").GetString(), closed.GetProperty("attachedPatientId").GetGuid()));

        // The right INS with a wrong birth date: held, the record it points to first among the candidates, the signal on the worklist.
        var wrongDate = who with { BirthDate = "1950-01-01" };
        await FhirAsync(await PostAsync(gp, LabBundle($"lab-{Guid.NewGuid():N}", wrongDate, (40m, "2026-10-01", "U/mL"))), HttpStatusCode.OK);
        var second = (await nurse.GetJsonAsync("/api/identity-vigilance/external-results")).EnumerateArray()
            .Single(l => l.GetProperty("ins").GetString() == who.Ins && l.GetProperty("status").GetString() == "open");
        Assert.Equal(patientId, second.GetProperty("insPatientId").GetGuid());
        Assert.Equal(patientId, second.GetProperty("candidates")[0].GetProperty("patientId").GetGuid());
        Assert.Contains(ExternalIdentityMatch.BirthDateDiffers, second.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        bool SignalOpen(JsonElement worklist) => worklist.EnumerateArray().Any(a => a.GetProperty("patientId").GetGuid() == patientId && a.GetProperty("kind").GetString() == "external-result-held");
        Assert.True(SignalOpen(await nurse.GetJsonAsync("/api/identity-vigilance")));

        // Rejected with a reason (none: 400 naming it): on no record, the signal closed with it, audited.
        var rejectUrl = $"/api/identity-vigilance/external-results/{second.GetProperty("id").GetGuid()}/reject";
        var noReason = await nurse.PostAsJsonAsync(rejectUrl, new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await nurse.PostAsJsonAsync(rejectUrl, new { reason = "Homonyme : le laboratoire confirme un autre patient." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await nurse.PostAsJsonAsync(rejectUrl, new { reason = "encore" })).StatusCode);
        Assert.Equal(3, await SeriesAsync());
        Assert.False(SignalOpen(await nurse.GetJsonAsync("/api/identity-vigilance")));
        var rejected = (await nurse.GetJsonAsync("/api/identity-vigilance/external-results?closed=true")).EnumerateArray().Single(l => l.GetProperty("id").GetGuid() == second.GetProperty("id").GetGuid());
        Assert.Equal(("rejected", "Homonyme : le laboratoire confirme un autre patient."), (rejected.GetProperty("status").GetString(), rejected.GetProperty("rejectionReason").GetString()));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.PatientId == patientId && a.Detail == "held-external-results-attached"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.PatientId == patientId && a.Detail == "held-external-results-rejected"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.PatientId == patientId && a.Action == "list" && a.Resource == HeldExternalResults.ListResource));

        // The referent's page lists the open lines with their forms.
        var page = System.Net.WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.Nurse)).GetStringAsync("/identitovigilance"));
        Assert.Contains("Résultats externes en attente", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("r4-examples/Bundle-bundle-transaction.json", "Bundle.entry[")]
    [InlineData("r4-examples/Bundle-lipids.json", "Bundle.identifier")]
    public async Task TheR4ExampleBundles_AreRefusedNamingWhatIsWrong_WithoutCrashing(string file, string expression)
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var response = await gp.PostAsync("/fhir", new StringContent(FhirValidation.Fixture(file), Encoding.UTF8, FhirJson.ContentType));
        Assert.True((int)response.StatusCode is >= 400 and < 500);
        var outcome = (R4.OperationOutcome)await FhirAsync(response, response.StatusCode);
        Assert.StartsWith(expression, outcome.Issue.Single().Expression.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedBody_IsAnOperationOutcome()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var notJson = await gp.PostAsync("/fhir", new StringContent("{ not json", Encoding.UTF8, FhirJson.ContentType));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.IsType<R4.OperationOutcome>(FhirJson.Parse(await notJson.Content.ReadAsStringAsync()));
        var notABundle = await gp.PostAsync("/fhir", new StringContent("{\"resourceType\":\"Patient\",\"gender\":\"female\"}", Encoding.UTF8, FhirJson.ContentType));
        Assert.Equal(HttpStatusCode.BadRequest, notABundle.StatusCode);
    }
}

[Collection("sqlite")]
public sealed class FhirApiSqliteTests(SqliteRelaisFactory factory) : FhirApiTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class FhirApiPostgresTests(PostgresRelaisFactory factory) : FhirApiTests(factory), IClassFixture<PostgresRelaisFactory>;
