using System.Globalization;
using Relais.Domain.Alerts;
using Relais.Domain.Episodes;
using Relais.Domain.Interop;
using Relais.Domain.Pathways;
using Relais.Domain.Programmes;
using R4 = Hl7.Fhir.Model;
using RelaisPatient = Relais.Domain.Patients.Patient;

namespace Relais.Web.Features.Fhir;

/// <summary>The cancer in FHIR R4 (mCODE): the primary cancer condition, the TNM categories and stage groups, the tumour markers, the PPS and PPAC as CarePlan.</summary>
public static partial class FhirMapper
{
    // ---------------------------------------------------------------- Condition (mCODE primary cancer condition)

    public static EpisodeDetails DetailsOf(CancerEpisode e) => new(e.PrimarySite, e.PrimarySiteLabel, e.Laterality, e.Histology, e.HistologyLabel, e.DiagnosisDate, e.DiagnosisBasis,
        e.ClinicalT, e.ClinicalN, e.ClinicalM, e.PathologicalT, e.PathologicalN, e.PathologicalM, e.StageGroup, e.IsRareCancer, e.HereditarySuspicion);

    public static R4.Condition Condition(Guid episodeId, Guid patientId, EpisodeDetails d, PathwayPhase? phase)
    {
        var code = new R4.CodeableConcept { Text = d.PrimarySiteLabel };
        if (d.PrimarySite is { Length: > 0 } site)
        {
            code.Coding.Add(Code(FhirCodes.Icd10, site, d.PrimarySiteLabel));
            if (FhirCodes.SiteOf(site, d.Laterality) is { } snomed) code.Coding.Add(Code(FhirCodes.Snomed, snomed.Snomed, snomed.Display));
        }
        var condition = new R4.Condition
        {
            Id = episodeId.ToString(),
            Meta = new R4.Meta { Profile = [FhirCodes.McodePrimaryCancerCondition] },
            ClinicalStatus = Concept("http://terminology.hl7.org/CodeSystem/condition-clinical", ClinicalStatus(phase)),
            VerificationStatus = Concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", phase == PathwayPhase.Suspicion ? "provisional" : "confirmed"),
            Category = [Concept("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item")],
            Code = code,
            Subject = new R4.ResourceReference(Ref("Patient", patientId)),
        };
        if (d.DiagnosisDate is { } date) condition.Onset = new R4.FhirDateTime(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (d.Histology is { Length: > 0 } histology)
        {
            var morphology = Concept(FhirCodes.IcdO3, histology, d.HistologyLabel);
            if (FhirCodes.SnomedOfMorphology(histology) is { } sm) morphology.Coding.Add(Code(FhirCodes.Snomed, sm.Snomed, sm.Display));
            condition.Extension.Add(new R4.Extension(FhirCodes.McodeHistology, morphology));
        }
        if (FhirCodes.SnomedOf(d.Laterality) is { } laterality)
        {
            var body = new R4.CodeableConcept { Text = d.PrimarySiteLabel ?? d.PrimarySite };
            body.Extension.Add(new R4.Extension(FhirCodes.McodeLaterality, Concept(FhirCodes.Snomed, laterality)));
            condition.BodySite.Add(body);
        }
        // The basis of diagnosis travels as evidence (ICD-O "basis of diagnosis"), in words.
        condition.Evidence.Add(new R4.Condition.EvidenceComponent { Code = [new R4.CodeableConcept { Text = "basis-of-diagnosis: " + Domain.EnumCodes.Code(d.DiagnosisBasis) }] });
        if (d.StageGroup is { Length: > 0 } stage)
        {
            var summary = new R4.CodeableConcept { Text = stage };
            var part = d.PathologicalT is not null || d.PathologicalN is not null ? FhirCodes.TnmPart.PathologicalStageGroup : FhirCodes.TnmPart.ClinicalStageGroup;
            if (FhirCodes.SnomedOfTnmValue(part, stage) is { } s) summary.Coding.Add(Code(FhirCodes.Snomed, s));
            condition.Stage.Add(new R4.Condition.StageComponent
            {
                Summary = summary,
                Assessment = [new R4.ResourceReference(Ref("Observation", TnmId(episodeId, part)))],
                Type = Concept(FhirCodes.Snomed, FhirCodes.AjccEighthEdition),
            });
        }
        return condition;
    }

    private static string ClinicalStatus(PathwayPhase? phase) => phase switch
    {
        PathwayPhase.SharedFollowUp or PathwayPhase.AfterCancer => "remission",
        _ => "active",
    };

    /// <summary>An mCODE primary cancer condition in Relais's terms: ICD-10 site (or the SNOMED CT disorder's), laterality, ICD-O-3 morphology, date.</summary>
    public static EpisodeDetails DetailsOf(R4.Condition condition)
    {
        var icd10 = condition.Code?.Coding.FirstOrDefault(c => c.System == FhirCodes.Icd10)?.Code;
        var snomedSite = FhirCodes.SiteOfSnomed(condition.Code?.Coding.FirstOrDefault(c => c.System == FhirCodes.Snomed)?.Code);
        var lateralityCode = condition.BodySite.SelectMany(b => b.Extension).Where(x => x.Url == FhirCodes.McodeLaterality)
            .Select(x => (x.Value as R4.CodeableConcept)?.Coding.FirstOrDefault(c => c.System == FhirCodes.Snomed)?.Code).FirstOrDefault();
        var laterality = FhirCodes.LateralityOfSnomed(lateralityCode) ?? snomedSite?.Laterality ?? Laterality.Unknown;
        var histologyConcept = R4.ExtensionExtensions.GetExtension(condition, FhirCodes.McodeHistology)?.Value as R4.CodeableConcept;
        var histology = histologyConcept?.Coding.FirstOrDefault(c => c.System == FhirCodes.IcdO3)?.Code
            ?? FhirCodes.MorphologyOfSnomed(histologyConcept?.Coding.FirstOrDefault(c => c.System == FhirCodes.Snomed)?.Code);
        DateOnly? onset = condition.Onset is R4.FhirDateTime dt && dt.Value is { Length: >= 10 } v
            && DateOnly.TryParseExact(v[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
        var stage = condition.Stage.Select(s => s.Summary).FirstOrDefault();
        var stageSnomed = stage?.Coding.FirstOrDefault(c => c.System == FhirCodes.Snomed)?.Code;
        var stageGroup = FhirCodes.TnmValueOfSnomed(FhirCodes.TnmPart.ClinicalStageGroup, stageSnomed) ?? stage?.Text;
        return new EpisodeDetails(icd10 ?? snomedSite?.Icd10, condition.Code?.Text ?? condition.Code?.Coding.FirstOrDefault()?.Display, laterality,
            histology, histologyConcept?.Coding.FirstOrDefault()?.Display, onset, DiagnosisBasis.Unknown,
            null, null, null, null, null, null, stageGroup, false, false);
    }

    // ---------------------------------------------------------------- Observation: TNM and stage (mCODE)

    /// <summary>The short code of a TNM part in an observation id (FHIR ids are at most 64 characters).</summary>
    private static string ShortCode(FhirCodes.TnmPart part) => part switch
    {
        FhirCodes.TnmPart.ClinicalT => "ct",
        FhirCodes.TnmPart.ClinicalN => "cn",
        FhirCodes.TnmPart.ClinicalM => "cm",
        FhirCodes.TnmPart.PathologicalT => "pt",
        FhirCodes.TnmPart.PathologicalN => "pn",
        FhirCodes.TnmPart.PathologicalM => "pm",
        FhirCodes.TnmPart.ClinicalStageGroup => "csg",
        _ => "psg",
    };

    /// <summary>The id of an episode's TNM observation: the part and the episode, so that it reads back without a table (tnm-csg-&lt;episode&gt;).</summary>
    public static string TnmId(Guid episodeId, FhirCodes.TnmPart part) => $"tnm-{ShortCode(part)}-{episodeId:N}";

    public static bool TryParseTnmId(string id, out Guid episodeId, out FhirCodes.TnmPart part)
    {
        episodeId = Guid.Empty;
        part = default;
        var pieces = id.Split('-');
        if (pieces.Length != 3 || pieces[0] != "tnm" || !Guid.TryParseExact(pieces[2], "N", out episodeId)) return false;
        foreach (var p in Enum.GetValues<FhirCodes.TnmPart>())
            if (ShortCode(p) == pieces[1]) { part = p; return true; }
        return false;
    }

    public static IEnumerable<(FhirCodes.TnmPart Part, string Value)> TnmValues(EpisodeDetails d)
    {
        if (d.ClinicalT is { } ct) yield return (FhirCodes.TnmPart.ClinicalT, ct);
        if (d.ClinicalN is { } cn) yield return (FhirCodes.TnmPart.ClinicalN, cn);
        if (d.ClinicalM is { } cm) yield return (FhirCodes.TnmPart.ClinicalM, cm);
        if (d.PathologicalT is { } pt) yield return (FhirCodes.TnmPart.PathologicalT, pt);
        if (d.PathologicalN is { } pn) yield return (FhirCodes.TnmPart.PathologicalN, pn);
        if (d.PathologicalM is { } pm) yield return (FhirCodes.TnmPart.PathologicalM, pm);
        if (d.StageGroup is { } sg)
            yield return (d.PathologicalT is not null || d.PathologicalN is not null ? FhirCodes.TnmPart.PathologicalStageGroup : FhirCodes.TnmPart.ClinicalStageGroup, sg);
    }

    public static R4.Observation Tnm(Guid episodeId, Guid patientId, FhirCodes.TnmPart part, string value, DateOnly? effective)
    {
        var valueConcept = new R4.CodeableConcept { Text = FhirCodes.Prefix(part) + value };
        if (FhirCodes.SnomedOfTnmValue(part, value) is { } snomed) valueConcept.Coding.Add(Code(FhirCodes.Snomed, snomed));
        var observation = new R4.Observation
        {
            Id = TnmId(episodeId, part),
            Meta = new R4.Meta { Profile = [FhirCodes.ProfileOf(part)] },
            Status = R4.ObservationStatus.Final,
            Category = [Concept("http://terminology.hl7.org/CodeSystem/observation-category", "survey")],
            Code = Concept(FhirCodes.Snomed, FhirCodes.SnomedOf(part)),
            Subject = new R4.ResourceReference(Ref("Patient", patientId)),
            Focus = [new R4.ResourceReference(Ref("Condition", episodeId))],
            Method = Concept(FhirCodes.Snomed, FhirCodes.AjccEighthEdition),
            Value = valueConcept,
        };
        if (effective is { } e) observation.Effective = new R4.FhirDateTime(e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return observation;
    }

    /// <summary>An mCODE TNM observation in Relais's terms: its part and its value (T3, N0, IIB), from the SNOMED CT codes or the text.</summary>
    public static (FhirCodes.TnmPart Part, string Value)? TnmOf(R4.Observation observation)
    {
        var part = FhirCodes.TnmPartOf(observation.Code?.Coding.FirstOrDefault(c => c.System == FhirCodes.Snomed)?.Code);
        if (part is null || observation.Value is not R4.CodeableConcept value) return null;
        var fromCode = FhirCodes.TnmValueOfSnomed(part.Value, value.Coding.FirstOrDefault(c => c.System == FhirCodes.Snomed)?.Code);
        var text = value.Text is { Length: > 0 } t ? t.TrimStart('c', 'p', 'y', 'r') : null;
        var found = fromCode ?? text;
        return found is null ? null : (part.Value, found);
    }

    // ---------------------------------------------------------------- Observation: tumour markers (LOINC)

    public static R4.Observation Marker(Domain.Alerts.Observation o)
    {
        var observation = new R4.Observation
        {
            Id = o.Id.ToString(),
            Meta = new R4.Meta { Profile = [FhirCodes.McodeTumorMarker] },
            Status = R4.ObservationStatus.Final,
            Category = [Concept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory")],
            Code = Concept(FhirCodes.Loinc, FhirCodes.LoincOf(o.Code), FhirCodes.LoincDisplay(o.Code), o.Code.Label()),
            Subject = new R4.ResourceReference(Ref("Patient", o.PatientId)),
            Effective = new R4.FhirDateTime(o.Effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Issued = o.RecordedAt,
            Performer = [new R4.ResourceReference { Display = o.Laboratory }],
            Value = Quantity(o.Code, o.Value),
        };
        if (o.UpperLimit is { } upper) observation.ReferenceRange.Add(new R4.Observation.ReferenceRangeComponent { High = Quantity(o.Code, upper) });
        return observation;
    }

    private static R4.Quantity Quantity(Marker marker, decimal value) => new()
    {
        Value = value,
        Unit = marker.Unit(),
        System = FhirCodes.Ucum,
        Code = FhirCodes.UcumOf(marker),
    };

    // ---------------------------------------------------------------- CarePlan (PPS, PPAC)

    public const string CarePlanCategorySystem = "https://relais.sante.fr/fhir/CodeSystem/care-programme";

    public static R4.CarePlan CarePlan(CareProgramme p)
    {
        var kind = p.Kind == ProgrammeKind.Pps ? "pps" : "ppac";
        var plan = new R4.CarePlan
        {
            Id = p.Id.ToString(),
            Identifier = [new R4.Identifier("urn:relais:programme-lineage", $"{p.LineageId}") ],
            Status = p.Superseded ? R4.RequestStatus.Revoked : R4.RequestStatus.Active,
            Intent = R4.CarePlan.CarePlanIntent.Plan,
            Category = [Concept(CarePlanCategorySystem, kind, p.Kind == ProgrammeKind.Pps ? "Programme personnalisé de soins" : "Programme personnalisé de l'après-cancer")],
            Title = (p.Kind == ProgrammeKind.Pps ? "PPS" : "PPAC") + " v" + p.Version.ToString(CultureInfo.InvariantCulture),
            Subject = new R4.ResourceReference(Ref("Patient", p.PatientId)),
            Created = p.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
            Author = new R4.ResourceReference(Ref("Practitioner", p.AuthorId)),
            Addresses = [new R4.ResourceReference(Ref("Condition", p.EpisodeId))],
        };
        foreach (var phase in p.Content.Phases.OrderBy(x => x.Order))
        {
            var detail = new R4.CarePlan.DetailComponent
            {
                Kind = R4.CarePlan.CarePlanActivityKind.ServiceRequest,
                Code = new R4.CodeableConcept { Text = Domain.EnumCodes.Code(phase.Kind) },
                Status = phase.StartedOn is not null ? R4.CarePlan.CarePlanActivityStatus.InProgress : R4.CarePlan.CarePlanActivityStatus.NotStarted,
                Description = phase.Description,
            };
            if (phase.PlannedStart is not null || phase.PlannedEnd is not null)
                detail.Scheduled = new R4.Period { Start = phase.PlannedStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), End = phase.PlannedEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
            if (phase.Place is { Length: > 0 } place) detail.Location = new R4.ResourceReference { Display = place };
            plan.Activity.Add(new R4.CarePlan.ActivityComponent { Detail = detail });
        }
        foreach (var assessment in p.Content.Assessments)
            plan.Activity.Add(new R4.CarePlan.ActivityComponent
            {
                Detail = new R4.CarePlan.DetailComponent
                {
                    Kind = R4.CarePlan.CarePlanActivityKind.ServiceRequest,
                    Status = R4.CarePlan.CarePlanActivityStatus.Scheduled,
                    Description = $"{assessment.What} — {assessment.Frequency}",
                },
            });
        return plan;
    }
}
