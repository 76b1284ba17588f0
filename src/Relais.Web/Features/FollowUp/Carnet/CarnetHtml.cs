using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Surveillance;
using Relais.Web.Documents;
using Relais.Web.Features.Access;
using Relais.Web.Features.Programmes;
using Relais.Web.Operations;

namespace Relais.Web.Features.FollowUp.Carnet;

/// <summary>The carnet as printed for the patient: the protocol, J0 and every dated item with who performs it and what became of it.</summary>
public sealed record CarnetDocumentModel(PatientHeader Patient, CarnetDto Carnet, DateOnly PrintedOn);

/// <summary>
/// The patient's Carnet de Surveillance Alternée as a printable HTML document [B] (PRODUCT.md §7: "printable for the
/// patient"), in French or with English labels (issue 14 §3: "patient documents (PPS, PPAC, carnet) printable with
/// English labels as well (the French document stays the reference)"), as the PPS and PPAC are
/// (<see cref="PrintLanguage"/>). Only the labels change: what the team wrote (results, reasons, the protocol's title)
/// is printed as written. Null when the patient has no carnet yet.
/// </summary>
public sealed class CarnetHtml(CarnetQuery carnet, DocumentRenderer renderer, TumorBoards.Report.TumorBoardReport headers, Clock clock)
{
    public async Task<string?> HandleAsync(Guid patientId, bool english, CancellationToken ct)
    {
        var dto = await carnet.HandleAsync(patientId, ct);
        if (dto.EnrolmentId is null || dto.EndOfTreatment is null) return null;
        var model = new CarnetDocumentModel(await headers.PatientHeaderAsync(patientId, ct), dto, clock.Today);
        return await renderer.HtmlAsync<CarnetDocument>(new Dictionary<string, object?> { ["Model"] = model, ["English"] = english });
    }

    /// <summary><c>GET /api/patients/{id}/carnet/document?lang=fr|en</c>, in the carnet's read group (access rule and audit of the group).</summary>
    public static RouteGroupBuilder MapCarnetDocument(RouteGroupBuilder read)
    {
        read.MapGet("/carnet/document", Document).RequireCapability(Domain.Access.Capability.ReadCarnet)
            .WithSummary("Affiche le carnet de surveillance à imprimer, en HTML ; lang=en : intitulés en anglais, le contenu tel qu'écrit, le document français faisant foi (par défaut : la langue choisie par le compte).")
            .Produces<string>(StatusCodes.Status200OK, "text/html").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        return read;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Document(Guid patientId, string? lang, CarnetHtml html, CancellationToken ct) =>
        await html.HandleAsync(patientId, PrintLanguage.IsEnglish(lang), ct) is { } text ? TypedResults.Content(text, "text/html; charset=utf-8") : Problems.NotFound("Carnet");
}

/// <summary>The carnet's labels in English, for the copy printed with English labels (the French document stays the reference).</summary>
public static class CarnetEnglish
{
    public static string Kind(string code) => SurveillanceCodes.TryParseKind(code, out var kind) ? Kind(kind) : code;

    public static string Kind(SurveillanceKind kind) => kind switch
    {
        SurveillanceKind.ClinicalExam => "Clinical examination",
        SurveillanceKind.GynecologicalExam => "Gynaecological examination",
        SurveillanceKind.Mammography => "Mammography",
        SurveillanceKind.BreastUltrasound => "Breast ultrasound",
        SurveillanceKind.Ca153 => "CA 15-3 blood test",
        SurveillanceKind.Psa => "PSA blood test",
        SurveillanceKind.Cea => "CEA blood test",
        SurveillanceKind.CtTap => "CT scan of the chest, abdomen and pelvis",
        SurveillanceKind.Colonoscopy => "Colonoscopy",
        SurveillanceKind.BoneDensitometry => "Bone density scan",
        SurveillanceKind.Echocardiography => "Heart ultrasound (ejection fraction)",
        SurveillanceKind.Tsh => "TSH blood test",
        SurveillanceKind.BreastMri => "Breast MRI",
        SurveillanceKind.ScreeningMammography => "Organised screening mammography",
        SurveillanceKind.ColorectalScreeningTest => "Bowel cancer screening test",
        SurveillanceKind.CervicalScreening => "Cervical cancer screening",
        SurveillanceKind.RadiotherapyVisit => "Visit to the radiotherapist",
        _ => kind.Label(),
    };

    public static string Performer(string code) => code switch
    {
        "gp" => "GP",
        "specialist" => "Specialist",
        "radiotherapist" => "Radiotherapist",
        "lab" => "Laboratory",
        "imaging" => "Imaging centre",
        _ => code,
    };

    public static string Status(string status) => status switch
    {
        "done" => "done",
        "overdue" => "overdue",
        "cancelled" => "cancelled",
        _ => "planned",
    };
}
