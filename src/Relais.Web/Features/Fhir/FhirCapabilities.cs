using Relais.Domain.Interop;
using R4 = Hl7.Fhir.Model;

namespace Relais.Web.Features.Fhir;

/// <summary>The CapabilityStatement of <c>/fhir/metadata</c>: what <see cref="FhirApi"/> serves, and nothing more.</summary>
public static class FhirCapabilities
{
    private sealed record Search(string Name, R4.SearchParamType Type, string Documentation);

    private sealed record Served(string Type, string? Profile, bool Read, Search[] Searches);

    private static readonly Served[] Resources =
    [
        new("Patient", FhirCodes.FrCorePatientIns, true,
        [
            new("identifier", R4.SearchParamType.Token, "INS-NIR: urn:oid:1.2.250.1.213.1.4.8|<INS> (test identities: urn:oid:1.2.250.1.213.1.4.10)"),
            new("_id", R4.SearchParamType.Token, "Relais id"),
        ]),
        new("Practitioner", FhirCodes.FrCorePractitioner, true, []),
        new("Condition", FhirCodes.McodePrimaryCancerCondition, true, [new("patient", R4.SearchParamType.Reference, "required")]),
        new("Observation", null, true,
        [
            new("patient", R4.SearchParamType.Reference, "required"),
            new("code", R4.SearchParamType.Token, "http://loinc.org|6875-9 (CA 15-3), |2857-1 (PSA), |2039-6 (CEA); http://snomed.info/sct|<TNM part>"),
            new("date", R4.SearchParamType.Date, "eq, ge, gt, le, lt"),
        ]),
        new("CarePlan", null, true,
        [
            new("patient", R4.SearchParamType.Reference, "required"),
            new("category", R4.SearchParamType.Token, FhirMapper.CarePlanCategorySystem + "|pps or |ppac"),
        ]),
        new("Task", null, true,
        [
            new("patient", R4.SearchParamType.Reference, "the patient (or owner= alone)"),
            new("owner", R4.SearchParamType.Reference, "Practitioner/<id> (or Patient/<id>): the recipient who answers for the task"),
            new("status", R4.SearchParamType.Token, "requested, received, accepted, in-progress, completed, rejected, cancelled, failed (comma-separated)"),
        ]),
        new("Communication", null, true, [new("patient", R4.SearchParamType.Reference, "required")]),
        new("DocumentReference", null, true,
        [
            new("patient", R4.SearchParamType.Reference, "required"),
            new("type", R4.SearchParamType.Token, FhirCoordinationMapper.DocumentKindSystem + "|<kind> (tumor-board-report, pps, ppac...)"),
        ]),
        new("ServiceRequest", null, true, [new("patient", R4.SearchParamType.Reference, "required: the planned follow-up exams of the carnet")]),
        new("Appointment", null, true, [new("patient", R4.SearchParamType.Reference, "required: consultations, chemotherapy cycles, radiotherapy sessions, imaging, surgery")]),
        new("Questionnaire", null, true, [new("url", R4.SearchParamType.Uri, "urn:relais:questionnaire:<code> (every version), urn:relais:screening:g8, urn:relais:screening:epices; none: every questionnaire")]),
        new("QuestionnaireResponse", null, true,
        [
            new("patient", R4.SearchParamType.Reference, "required"),
            new("questionnaire", R4.SearchParamType.Reference, "the canonical URL of the questionnaire, with or without |version: symptom questionnaires, urn:relais:screening:g8, urn:relais:screening:epices"),
        ]),
    ];

    public static R4.CapabilityStatement Statement(string baseUrl)
    {
        var rest = new R4.CapabilityStatement.RestComponent
        {
            Mode = R4.CapabilityStatement.RestfulCapabilityMode.Server,
            Documentation = "Bearer token from POST /api/auth/login, as for /api. A patient the caller may not see answers as one that does not exist.",
            Security = new R4.CapabilityStatement.SecurityComponent { Description = "OAuth-style bearer token (Authorization: Bearer <accessToken>) or the session cookie with the antiforgery header." },
            Interaction = [new R4.CapabilityStatement.SystemInteractionComponent { Code = R4.CapabilityStatement.SystemRestfulInteraction.Transaction, Documentation = "Laboratory results: DiagnosticReport + Observations (LOINC), matched by a qualified INS; also accepts a collection Bundle." }],
        };
        foreach (var served in Resources)
        {
            var resource = new R4.CapabilityStatement.ResourceComponent
            {
                Type = served.Type,
                Profile = served.Profile,
                Interaction = served.Read ? [new R4.CapabilityStatement.ResourceInteractionComponent { Code = R4.CapabilityStatement.TypeRestfulInteraction.Read }] : [],
            };
            if (served.Searches.Length > 0) resource.Interaction.Add(new R4.CapabilityStatement.ResourceInteractionComponent { Code = R4.CapabilityStatement.TypeRestfulInteraction.SearchType });
            foreach (var s in served.Searches)
                resource.SearchParam.Add(new R4.CapabilityStatement.SearchParamComponent { Name = s.Name, Type = s.Type, Documentation = s.Documentation });
            rest.Resource.Add(resource);
        }
        return new R4.CapabilityStatement
        {
            Id = "relais",
            Url = baseUrl + "/metadata",
            Name = "Relais",
            Title = "Relais — parcours de soins en cancérologie",
            Status = R4.PublicationStatus.Active,
            Date = "2026-11-30",
            Kind = R4.CapabilityStatementKind.Capability,
            Software = new R4.CapabilityStatement.SoftwareComponent { Name = "Relais" },
            Description = "Relais FHIR R4 API at " + baseUrl,
            FhirVersion = R4.FHIRVersion.N4_0_1,
            Format = ["application/fhir+json"],
            Rest = [rest],
        };
    }
}
