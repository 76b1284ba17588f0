using Relais.Domain.Questionnaires;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Relais.Domain.Alerts;
using Relais.Domain.Coordination;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;
using Relais.Domain.Programmes;
using Relais.Domain.Surveillance;

namespace Relais.Bench.Generator;

/// <summary>
/// A synthetic cancer-care region: hospitals with their clinicians and tumor boards, GPs with 20–80
/// patients each, and every patient's pathway with what it leaves in Relais (episode and events, care
/// team, RCP case, PPS/PPAC, tracked transmissions, follow-up enrolment with its carnet, marker series
/// and the alerts the domain's early-return rules raise on them). Deterministic for a seed and a day.
/// </summary>
public sealed class Region(Args options, NpgsqlDataSource source)
{
    private readonly Random random = new(options.Seed);
    /// <summary>
    /// The random stream of the rows added after the first reports (appointments, deferrals, administrative steps): a
    /// stream of its own, so that every row drawn before is the same as without them.
    /// </summary>
    private readonly Random later = new(options.Seed + 1);
    private readonly DateOnly today = options.Today;
    private readonly DateTimeOffset now = new(options.Today.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
    private readonly string passwordHash = new PasswordHasher<object>().HashPassword(new object(), options.Password);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Cancer(string Site, string Label, string Morphology, string MorphologyLabel, string Laterality, string? Sex, string? Protocol, int Weight, string Board);

    // Weights close to French incidence among prevalent patients (breast, prostate, colorectal first).
    private static readonly Cancer[] Cancers =
    [
        new("C50.4", "Sein, quadrant supéro-externe", "8500/3", "Carcinome canalaire infiltrant", "Left", "Female", "breast", 18, "Sénologie"),
        new("C50.2", "Sein, quadrant supéro-interne", "8520/3", "Carcinome lobulaire infiltrant", "Right", "Female", "breast", 12, "Sénologie"),
        new("C61", "Prostate", "8140/3", "Adénocarcinome acinaire", "NotApplicable", "Male", "prostate", 18, "Urologie"),
        new("C18.7", "Côlon sigmoïde", "8140/3", "Adénocarcinome", "NotApplicable", null, "colorectal", 10, "Digestif"),
        new("C20", "Rectum", "8140/3", "Adénocarcinome", "NotApplicable", null, "colorectal", 6, "Digestif"),
        new("C34.1", "Poumon, lobe supérieur", "8140/3", "Adénocarcinome", "Right", null, null, 10, "Thoracique"),
        new("C83.3", "Lymphome diffus à grandes cellules B", "9680/3", "Lymphome B diffus à grandes cellules", "NotApplicable", null, null, 4, "Hématologie"),
        new("C67.9", "Vessie", "8120/3", "Carcinome urothélial", "NotApplicable", null, null, 5, "Urologie"),
        new("C43.5", "Mélanome du tronc", "8720/3", "Mélanome malin", "NotApplicable", null, null, 5, "Dermatologie"),
        new("C64", "Rein", "8312/3", "Carcinome à cellules rénales", "Left", null, null, 4, "Urologie"),
        new("C25.0", "Pancréas, tête", "8140/3", "Adénocarcinome", "NotApplicable", null, null, 3, "Digestif"),
        new("C56", "Ovaire", "8441/3", "Cystadénocarcinome séreux", "Left", "Female", null, 3, "Gynécologie"),
    ];

    private static readonly string[] BoardNames = ["Sénologie", "Urologie", "Digestif", "Thoracique", "Hématologie", "Dermatologie", "Gynécologie"];

    // A prevalent regional cohort: most patients are in follow-up or after cancer; every phase is present.
    private static readonly (PathwayPhase Phase, int Weight)[] Targets =
    [
        (PathwayPhase.Suspicion, 3), (PathwayPhase.DiagnosisConfirmed, 2), (PathwayPhase.Announcement, 2), (PathwayPhase.TumorBoard, 2),
        (PathwayPhase.CareProgramme, 2), (PathwayPhase.ActiveTreatment, 14), (PathwayPhase.EndOfTreatment, 2), (PathwayPhase.SharedFollowUp, 42),
        (PathwayPhase.AfterCancer, 15), (PathwayPhase.Palliative, 5), (PathwayPhase.Deceased, 5), (PathwayPhase.MovedAway, 2),
        (PathwayPhase.LostToFollowUp, 2), (PathwayPhase.RuledOut, 2),
    ];

    private static readonly PathwayPhase[] Main =
    [
        PathwayPhase.Suspicion, PathwayPhase.DiagnosisConfirmed, PathwayPhase.Announcement, PathwayPhase.TumorBoard,
        PathwayPhase.CareProgramme, PathwayPhase.ActiveTreatment, PathwayPhase.EndOfTreatment, PathwayPhase.SharedFollowUp, PathwayPhase.AfterCancer,
    ];

    private static int DaysIn(PathwayPhase phase) => phase switch
    {
        PathwayPhase.Suspicion => 14,
        PathwayPhase.DiagnosisConfirmed => 9,
        PathwayPhase.Announcement => 8,
        PathwayPhase.TumorBoard => 6,
        PathwayPhase.CareProgramme => 12,
        PathwayPhase.ActiveTreatment => 160,
        PathwayPhase.EndOfTreatment => 21,
        PathwayPhase.SharedFollowUp => 5 * 365,
        PathwayPhase.Palliative => 90,
        _ => 30,
    };

    private static PathwayPhase[] PathTo(PathwayPhase target) => target switch
    {
        PathwayPhase.RuledOut => [PathwayPhase.Suspicion, PathwayPhase.RuledOut],
        PathwayPhase.Palliative => [.. Main.TakeWhile(p => p != PathwayPhase.EndOfTreatment), PathwayPhase.Palliative],
        PathwayPhase.Deceased => [.. Main.TakeWhile(p => p != PathwayPhase.EndOfTreatment), PathwayPhase.Palliative, PathwayPhase.Deceased],
        PathwayPhase.MovedAway or PathwayPhase.LostToFollowUp => [.. Main.TakeWhile(p => p != PathwayPhase.AfterCancer), target],
        _ => [.. Main.TakeWhile(p => p != target), target],
    };

    private sealed record User(Guid Id, string First, string Last, string Role, string Specialty, Guid? Org)
    {
        public string Name => $"{First} {Last.ToUpperInvariant()}";
    }

    private sealed class Hospital
    {
        public required Guid Id;
        public required List<User> Oncologists, Surgeons, Radiotherapists, Pathologists, Nurses;
        public required User Secretary;
        public required Dictionary<string, Guid> Boards;
        public required List<User> Pharmacists;
    }

    private readonly Dictionary<(Guid Board, DateOnly Week), (Guid Id, DateTimeOffset StartsAt)> meetings = [];
    private int userCounter;
    private int rppsCounter;

    private CopyTable organisations = null!, users = null!, userRoles = null!, userTokens = null!, patients = null!, careTeam = null!, episodes = null!, events = null!,
        boards = null!, meetingsTable = null!, participants = null!, cases = null!, programmes = null!, transmissions = null!, recipients = null!,
        enrolments = null!, carnet = null!, observations = null!, alerts = null!, responses = null!, symptomAlerts = null!,
        appointments = null!, deferrals = null!, steps = null!;

    public async Task<IReadOnlyList<CopyTable>> LoadAsync()
    {
        var roleIds = await EnsureRolesAsync();
        var protocols = await ProtocolsAsync();

        organisations = await CopyTable.OpenAsync(source, "Organisations", "Id", "Name", "Kind", "Finess", "City", "PostalCode");
        users = await CopyTable.OpenAsync(source, "AspNetUsers", "Id", "FirstName", "LastName", "Rpps", "Specialty", "OrganisationId", "PatientId", "IsActive",
            "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
            "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd", "LockoutEnabled", "AccessFailedCount");
        userRoles = await CopyTable.OpenAsync(source, "AspNetUserRoles", "UserId", "RoleId");
        userTokens = await CopyTable.OpenAsync(source, "AspNetUserTokens", "UserId", "LoginProvider", "Name", "Value");
        patients = await CopyTable.OpenAsync(source, "Patients", "Id", "Ins", "BirthName", "UsedName", "FirstNames", "SearchKey", "BirthDate", "Sex", "Phone",
            "Email", "AddressLine1", "AddressLine2", "PostalCode", "City", "GeneralPractitionerId", "TrustedPersonName", "TrustedPersonRelationship",
            "TrustedPersonPhone", "TrustedPersonDesignatedOn", "TrustedPersonRevokedOn", "AdvanceDirectivesExist", "AdvanceDirectivesWrittenOn",
            "AdvanceDirectivesWhereKept", "CreatedAt", "UpdatedAt");
        careTeam = await CopyTable.OpenAsync(source, "CareTeamMembers", "Id", "PatientId", "ProfessionalId", "Role", "From", "To", "AddedBy", "AddedAt");
        episodes = await CopyTable.OpenAsync(source, "Episodes", "Id", "PatientId", "PrimarySite", "PrimarySiteLabel", "Laterality", "Histology", "HistologyLabel",
            "DiagnosisDate", "DiagnosisBasis", "ClinicalT", "ClinicalN", "ClinicalM", "PathologicalT", "PathologicalN", "PathologicalM", "StageGroup",
            "IsRareCancer", "HereditarySuspicion", "Phase", "PhaseSince", "CreatedAt", "UpdatedAt");
        events = await CopyTable.OpenAsync(source, "PathwayEvents", "Id", "PatientId", "EpisodeId", "From", "To", "OccurredOn", "RecordedBy", "RecordedAt", "Note");
        boards = await CopyTable.OpenAsync(source, "TumorBoards", "Id", "Name", "Specialty", "OrganisationId", "Site", "Schedule", "IsPaediatric", "ExpectedSpecialtiesCsv");
        meetingsTable = await CopyTable.OpenAsync(source, "Meetings", "Id", "BoardId", "StartsAt", "Location", "Status", "CreatedBy");
        participants = await CopyTable.OpenAsync(source, "MeetingParticipants", "Id", "MeetingId", "ProfessionalId", "Name", "Specialty", "Presence");
        cases = await CopyTable.OpenAsync(source, "TumorBoardCases", "Id", "PatientId", "EpisodeId", "MeetingId", "Question", "PresentingPhysicianId", "Kind",
            "RegisteredOnlyReason", "IsRecurrence", "G8AssessmentId", "GpContribution", "GpContributionBy", "GpContributionAt", "Status", "Proposal", "Guideline",
            "DecidedBy", "DecidedAt", "QuorumAtDecision", "ReportDocumentId", "RegisteredBy", "RegisteredAt");
        programmes = await CopyTable.OpenAsync(source, "Programmes", "Id", "PatientId", "EpisodeId", "Kind", "LineageId", "Version", "TumorBoardCaseId", "ContentJson",
            "AuthorId", "CreatedAt", "HandedToPatientOn", "DocumentId", "TransmissionId", "Superseded", "GpAgreed", "GpAgreedAt");
        transmissions = await CopyTable.OpenAsync(source, "Transmissions", "Id", "PatientId", "Obligation", "DocumentId", "Title", "Message", "SenderId", "CreatedAt", "DueAt", "Urgent");
        recipients = await CopyTable.OpenAsync(source, "TransmissionRecipients", "Id", "TransmissionId", "PatientId", "RecipientId", "Kind", "DueAt", "DeliveredAt",
            "MailSentAt", "MailFailedAt", "ReadAt", "AcknowledgedAt", "ReminderBeforeAt", "ReminderAfterAt", "EscalatedAt");
        enrolments = await CopyTable.OpenAsync(source, "Enrolments", "Id", "PatientId", "ProtocolCode", "ProtocolVersion", "TreatmentEnd", "Radiotherapy", "EnrolledAt", "MovedAt");
        carnet = await CopyTable.OpenAsync(source, "CarnetItems", "Id", "PatientId", "EnrolmentId", "Due", "Month", "Kind", "Performer", "Status", "DoneOn", "Result",
            "CancelReason", "PatientRemindedAt");
        observations = await CopyTable.OpenAsync(source, "Observations", "Id", "PatientId", "Code", "Value", "Unit", "Effective", "Laboratory", "UpperLimit", "RecordedAt");
        alerts = await CopyTable.OpenAsync(source, "Alerts", "Id", "PatientId", "ObservationId", "Rule", "RuleVersion", "ProtocolCode", "Severity", "Action", "Due",
            "Explanation", "RaisedAt", "ReferralTaskId", "TransmissionId", "HandledAt", "HandledBy");
        responses = await CopyTable.OpenAsync(source, "QuestionnaireResponses", "Id", "PatientId", "QuestionnaireCode", "QuestionnaireVersion", "AuthoredAt", "AuthorId",
            "AnswersJson", "Grade", "Score");
        symptomAlerts = await CopyTable.OpenAsync(source, "SymptomAlerts", "Id", "PatientId", "ResponseId", "QuestionnaireCode", "QuestionnaireVersion", "Rule", "Title",
            "Severity", "Rank", "TeamAction", "PatientInstruction", "Source", "RaisedAt", "AcknowledgedAt", "AcknowledgedBy", "Action", "ActionNote", "ActionAt", "ActionBy",
            "EscalatedAt", "EscalatedTo");
        appointments = await CopyTable.OpenAsync(source, "Appointments", "Id", "PatientId", "Kind", "At", "HospitalId", "Place", "Performer", "Teleconsultation",
            "TeleconsultationLink", "PatientMeans", "EpisodeId", "ProgrammeId", "PhaseOrder", "Status", "Reschedules", "CreatedAt", "CreatedBy");
        deferrals = await CopyTable.OpenAsync(source, "Deferrals", "Id", "PatientId", "ItemKind", "ItemId", "OriginalDate", "Reason", "Priority", "Until",
            "DecidedBy", "DecidedAt", "DecidedOn", "EndedAt", "EndedBy", "RescheduledOn");
        steps = await CopyTable.OpenAsync(source, "AdministrativeSteps", "Id", "PatientId", "Kind", "Owner", "Status", "DueOn", "RemindOn", "RemindedAt", "DoneOn",
            "ExposureSuspected", "FollowsId", "Note", "CreatedAt", "CreatedBy", "Version");
        CopyTable[] all = [organisations, users, userRoles, userTokens, patients, careTeam, episodes, events, boards, meetingsTable, participants, cases, programmes,
            transmissions, recipients, enrolments, carnet, observations, alerts, responses, symptomAlerts, appointments, deferrals, steps];

        // --- organisations and professionals
        var hospitalCount = Math.Max(1, (options.Patients + 19_999) / 20_000);
        var hospitals = new List<Hospital>();
        for (var h = 0; h < hospitalCount; h++) hospitals.Add(NewHospital(h, roleIds));
        var admin = NewUser("admin", 0, "Alice", "Fontaine", "Administrator", "Administration", hospitals[0].Id, rpps: false, roleIds);

        // GPs: 20–80 patients each (average ~45), in practices of 1–4 doctors.
        var gpSizes = new List<int>();
        for (var left = options.Patients; left > 0;)
        {
            var size = Math.Min(left, random.Next(20, 81));
            if (left - size is > 0 and < 20) size = left; // the last GP takes the remainder
            gpSizes.Add(size);
            left -= size;
        }
        var gps = new List<User>();
        Guid practice = Guid.Empty;
        for (var g = 0; g < gpSizes.Count; g++)
        {
            if (g % 3 == 0)
            {
                var place = Pick(Names.Places);
                practice = NewId();
                organisations.Row().Id(practice).Text($"Cabinet médical {Pick(Names.Streets)}, {place.City}").Text("Practice").Text(null).Text(place.City).Text(place.PostalCode);
            }
            gps.Add(NewUser("medecin", g + 1, FirstName(), Pick(Names.Last), "GeneralPractitioner", "GeneralPractice", practice, rpps: true, roleIds));
        }

        // --- patients
        var patientIndex = 0;
        for (var g = 0; g < gps.Count; g++)
        {
            var hospital = hospitals[g * hospitals.Count / gps.Count];
            for (var k = 0; k < gpSizes[g]; k++)
                Patient(patientIndex++, gps[g], hospital, protocols);
        }
        _ = admin;
        // Issue 15: the region's quality coordinator (3C/DSRC), who reads the indicators; created last, so that every row
        // drawn before is the same as without it.
        _ = NewUser("qualite", 1, "Marc", "Roux", "QualityCoordinator", "Administration", null, rpps: false, roleIds);

        foreach (var t in all) await t.CompleteAsync();
        foreach (var t in all) await t.DisposeAsync();
        await ValidateProtocolsAsync(hospitals[0].Oncologists[0], gps[0]);
        return all;
    }

    private Hospital NewHospital(int h, Dictionary<string, Guid> roleIds)
    {
        var info = Names.Hospitals[h % Names.Hospitals.Length];
        var suffix = h < Names.Hospitals.Length ? "" : $" (site {h / Names.Hospitals.Length + 1})";
        var id = NewId();
        organisations.Row().Id(id).Text(info.Name + suffix).Text("Hospital").Text(info.Finess).Text(info.City).Text(info.PostalCode);
        var pharmacy = NewId();
        organisations.Row().Id(pharmacy).Text($"Pharmacie du Centre, {info.City}{suffix}").Text("Pharmacy").Text(null).Text(info.City).Text(info.PostalCode);
        List<User> Many(int n, string specialty) => [.. Enumerable.Range(0, n).Select(_ => NewUser("dr", 0, FirstName(), Pick(Names.Last), "HospitalClinician", specialty, id, rpps: true, roleIds))];
        // One nurse coordinator per ~2,000 patients (a hospital serves ~20,000).
        var hospital = new Hospital
        {
            Id = id,
            Oncologists = Many(10, "MedicalOncology"),
            Surgeons = Many(4, "Surgery"),
            Radiotherapists = Many(3, "Radiotherapy"),
            Pathologists = Many(2, "Pathology"),
            Nurses = [.. Enumerable.Range(0, 10).Select(_ => NewUser("idec", 0, Pick(Names.FemaleFirst), Pick(Names.Last), "NurseCoordinator", "Nursing", id, rpps: true, roleIds))],
            Secretary = NewUser("secretariat", 0, Pick(Names.FemaleFirst), Pick(Names.Last), "TumorBoardSecretary", "Administration", id, rpps: false, roleIds),
            Pharmacists = [.. Enumerable.Range(0, 20).Select(_ => NewUser("pharmacien", 0, FirstName(), Pick(Names.Last), "Pharmacist", "Pharmacy", pharmacy, rpps: true, roleIds))],
            Boards = [],
        };
        foreach (var name in BoardNames)
        {
            var board = NewId();
            hospital.Boards[name] = board;
            boards.Row().Id(board).Text($"RCP {name}").Text(name).Id(id).Text($"{info.Name}, salle {Pick(Names.Last)}").Text("Chaque semaine").Bool(false)
                .Text("Surgery,MedicalOncology,Radiotherapy,Pathology,Radiology");
        }
        return hospital;
    }

    /// <summary>A valid RPPS number (ten digits and their Luhn check digit), as the real directory issues.</summary>
    private static string Rpps(int counter)
    {
        var body = $"1{counter:D9}";
        return body + Relais.Domain.Professionals.Luhn.CheckDigit(body).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private User NewUser(string prefix, int number, string first, string last, string role, string specialty, Guid? org, bool rpps, Dictionary<string, Guid> roleIds)
    {
        var id = NewId();
        var n = ++userCounter;
        var email = number > 0 ? $"{prefix}{number}@bench.relais" : $"{prefix}{n}@bench.relais";
        users.Row().Id(id).Text(first).Text(last).Text(rpps ? Rpps(++rppsCounter) : null).Text(specialty).Id(org).Id(null).Bool(true)
            .Text(email).Text(email.ToUpperInvariant()).Text(email).Text(email.ToUpperInvariant()).Bool(true).Text(passwordHash)
            .Text(Token(32)).Text(NewId().ToString()).Text(null).Bool(false).Bool(true).At(null).Bool(true).Int(0);
        userRoles.Row().Id(id).Id(roleIds[role]);
        // Every generated account is a professional, an administrator or the quality coordinator: all need a second factor
        // (SecondFactor.IsRequired, PGSSI-S). The authenticator key is stored where ASP.NET Core Identity keeps it, and
        // derived from the seed and the address, not drawn from the generator's random, so every other row stays the same.
        userTokens.Row().Id(id).Text("[AspNetUserStore]").Text("AuthenticatorKey").Text(AuthenticatorKey(email));
        return new User(id, first, last, role, specialty, org);
    }

    private void Patient(int index, User gp, Hospital hospital, Dictionary<string, (int Version, ProtocolDefinition Definition)> protocols)
    {
        var cancer = PickWeighted(Cancers, c => c.Weight);
        var sex = cancer.Sex ?? (random.Next(2) == 0 ? "Female" : "Male");
        var female = sex == "Female";
        var first = female ? Pick(Names.FemaleFirst) : Pick(Names.MaleFirst);
        if (random.Next(4) == 0) first += " " + (female ? Pick(Names.FemaleFirst) : Pick(Names.MaleFirst));
        var birthName = Pick(Names.Last).ToUpperInvariant();
        string? usedName = female && random.Next(3) == 0 ? Pick(Names.Last) : null;
        var place = PickWeighted(Names.Places, p => p.Weight);
        var target = PickWeighted(Targets, t => t.Weight).Phase;
        var path = PathTo(target);

        // Dates: each phase lasts its typical time (±40 %); the last one has been going on for part of it.
        var durations = path.Select(p => Math.Max(1, (int)(DaysIn(p) * (0.6 + random.NextDouble() * 0.8)))).ToArray();
        var inLast = path[^1] is PathwayPhase.Deceased or PathwayPhase.MovedAway or PathwayPhase.LostToFollowUp or PathwayPhase.RuledOut or PathwayPhase.AfterCancer
            ? random.Next(1, 5 * 365) : random.Next(0, durations[^1]);
        var dates = new DateOnly[path.Length];
        dates[^1] = today.AddDays(-inLast);
        for (var i = path.Length - 2; i >= 0; i--) dates[i] = dates[i + 1].AddDays(-durations[i]);
        var start = dates[0];
        var age = random.Next(35, 90);
        var birth = start.AddYears(-age).AddDays(-random.Next(0, 365));
        if (birth > today.AddYears(-19)) birth = today.AddYears(-19);

        var patientId = NewId();
        var nir13 = $"{(female ? '2' : '1')}{birth.Year % 100:D2}{birth.Month:D2}{place.Department}{index:D6}";
        var ins = nir13 + InsNumber.ComputeKey(nir13).ToString("D2", CultureInfo.InvariantCulture);
        var created = At(start, 9);
        var hasTrusted = random.Next(3) == 0;
        var directives = random.Next(6) == 0;
        patients.Row().Id(patientId).Text(ins).Text(birthName).Text(usedName).Text(first).Text(SearchText.Normalize($"{usedName} {birthName} {first}")).Date(birth).Text(sex)
            .Text($"06 {random.Next(10, 100)} {random.Next(10, 100)} {random.Next(10, 100)} {random.Next(10, 100)}")
            .Text(random.Next(3) == 0 ? null : $"{Ascii(first)}.{Ascii(birthName)}{index}@exemple.fr")
            .Text($"{random.Next(1, 150)} {Pick(Names.Streets)}").Text(null).Text(place.PostalCode).Text(place.City).Id(gp.Id)
            .Text(hasTrusted ? $"{Pick(Names.MaleFirst)} {Pick(Names.Last)}" : null).Text(hasTrusted ? (random.Next(2) == 0 ? "Conjoint" : "Enfant") : null)
            .Text(hasTrusted ? "06 11 22 33 44" : null).Date(hasTrusted ? start.AddDays(random.Next(0, 60)) : null).Date(null)
            .Bool(directives).Date(directives ? start.AddDays(random.Next(0, 200)) : null).Text(directives ? "Dossier du médecin traitant" : null)
            .At(created).At(At(dates[^1], 10));

        var oncologist = Pick(hospital.Oncologists);
        var nurse = hospital.Nurses[index % hospital.Nurses.Count];
        var diagnosis = path.Contains(PathwayPhase.DiagnosisConfirmed) ? dates[1] : (DateOnly?)null;

        // Episode and its pathway events.
        var episodeId = NewId();
        var staged = diagnosis is not null;
        episodes.Row().Id(episodeId).Id(patientId).Text(cancer.Site).Text(cancer.Label).Text(cancer.Laterality).Text(staged ? cancer.Morphology : null)
            .Text(staged ? cancer.MorphologyLabel : null).Date(diagnosis).Text(staged ? (cancer.Site == "C83.3" ? "Biology" : "HistologyOfPrimary") : "Unknown")
            .Text(staged ? Pick(["T1", "T2", "T3"]) : null).Text(staged ? Pick(["N0", "N0", "N1"]) : null).Text(staged ? "M0" : null)
            .Text(null).Text(null).Text(null).Text(staged ? Pick(["IA", "IIA", "IIB", "IIIA"]) : null).Bool(cancer.Site is "C43.5" && random.Next(10) == 0)
            .Bool(random.Next(12) == 0).Text(path[^1].ToString()).Date(dates[^1]).At(created).At(At(dates[^1], 10));
        for (var i = 0; i < path.Length; i++)
        {
            var by = path[i] is PathwayPhase.Suspicion or PathwayPhase.SharedFollowUp or PathwayPhase.AfterCancer or PathwayPhase.MovedAway
                or PathwayPhase.LostToFollowUp or PathwayPhase.RuledOut ? gp.Id : path[i] == PathwayPhase.TumorBoard ? hospital.Secretary.Id : oncologist.Id;
            events.Row().Id(NewId()).Id(patientId).Id(episodeId).Text(i == 0 ? null : path[i - 1].ToString()).Text(path[i].ToString()).Date(dates[i])
                .Id(by).At(At(dates[i], 10, random.Next(0, 480))).Text(i == 0 ? "Examens demandés par le médecin traitant." : null);
        }

        // Care team: the GP from the start (an open period: the access rule needs it), the hospital team from the diagnosis.
        careTeam.Row().Id(NewId()).Id(patientId).Id(gp.Id).Text("GeneralPractitioner").Date(start).Date(null).Id(gp.Id).At(created);
        User? surgeon = null, radiotherapist = null, pharmacist = null;
        if (diagnosis is { } dx)
        {
            var from = At(dx, 11);
            careTeam.Row().Id(NewId()).Id(patientId).Id(oncologist.Id).Text("ReferringOncologist").Date(dx).Date(null).Id(oncologist.Id).At(from);
            careTeam.Row().Id(NewId()).Id(patientId).Id(nurse.Id).Text("NurseCoordinator").Date(dx).Date(null).Id(oncologist.Id).At(from);
            careTeam.Row().Id(NewId()).Id(patientId).Id(hospital.Secretary.Id).Text("TumorBoardSecretary").Date(dx).Date(null).Id(oncologist.Id).At(from);
            careTeam.Row().Id(NewId()).Id(patientId).Id(Pick(hospital.Pathologists).Id).Text("Pathologist").Date(dx).Date(dx.AddDays(60)).Id(oncologist.Id).At(from);
            if (cancer.Site is "C50.4" or "C50.2" or "C18.7" or "C20" or "C64" or "C56" or "C25.0")
            {
                surgeon = Pick(hospital.Surgeons);
                careTeam.Row().Id(NewId()).Id(patientId).Id(surgeon.Id).Text("Surgeon").Date(dx).Date(null).Id(oncologist.Id).At(from);
            }
            if (cancer.Site is "C50.4" or "C50.2" or "C61" or "C20" or "C34.1")
            {
                radiotherapist = Pick(hospital.Radiotherapists);
                careTeam.Row().Id(NewId()).Id(patientId).Id(radiotherapist.Id).Text("Radiotherapist").Date(dx).Date(null).Id(oncologist.Id).At(from);
            }
        }
        var treatmentIndex = Array.IndexOf(path, PathwayPhase.ActiveTreatment);
        if (treatmentIndex >= 0)
        {
            pharmacist = hospital.Pharmacists[index % hospital.Pharmacists.Count];
            careTeam.Row().Id(NewId()).Id(patientId).Id(pharmacist.Id).Text("Pharmacist").Date(dates[treatmentIndex]).Date(null).Id(oncologist.Id).At(At(dates[treatmentIndex], 11));
            if (path[^1] == PathwayPhase.ActiveTreatment)
            {
                SymptomReports(patientId, dates[^1], nurse);
                Cycles(patientId, episodeId, dates[^1], hospital, oncologist);
            }
        }

        // What the pathway sent to the GP (and back), with acknowledgements.
        var toGp = new[] { (gp.Id, "GeneralPractitioner") };
        if (diagnosis is { } d)
        {
            Transmit(patientId, ObligationCode.C2, Pick(hospital.Pathologists).Id, toGp, At(d, 11), 3, "Compte rendu anatomopathologique transmis.");
            Transmit(patientId, ObligationCode.C4, oncologist.Id, toGp, At(d, 14), 2, "Diagnostic confirmé : merci de nous transmettre le contexte du patient.");
        }
        Guid? caseId = null;
        var boardIndex = Array.IndexOf(path, PathwayPhase.TumorBoard);
        if (boardIndex >= 0)
        {
            var registered = dates[boardIndex];
            var board = hospital.Boards[cancer.Board];
            var meeting = Meeting(board, registered, hospital);
            var decided = boardIndex < path.Length - 1 && meeting.StartsAt < now;
            caseId = NewId();
            cases.Row().Id(caseId.Value).Id(patientId).Id(episodeId).Id(meeting.Id).Text("Stratégie thérapeutique initiale ?").Id(oncologist.Id).Text("Discussed")
                .Text(null).Bool(false).Id(null).Text(null).Id(null).At(null).Text(decided ? "Decided" : "Registered")
                .Text(decided ? Pick(["Chirurgie puis radiothérapie adjuvante.", "Chimiothérapie néo-adjuvante puis chirurgie.", "Traitement conforme au référentiel régional.", "Surveillance active."]) : null)
                .Text(decided ? "Référentiel régional OncoNormandie" : null).Id(decided ? oncologist.Id : null).At(decided ? meeting.StartsAt.AddHours(1) : null)
                .Text(decided ? "Quorum atteint : chirurgie, oncologie médicale, radiothérapie." : null).Id(null).Id(hospital.Secretary.Id).At(At(registered, 10));
            Transmit(patientId, ObligationCode.C6, hospital.Secretary.Id, toGp, At(registered, 10), 2, "Dossier inscrit en RCP : vous pouvez y contribuer.");
            if (decided) Transmit(patientId, ObligationCode.C7, oncologist.Id, toGp, meeting.StartsAt.AddHours(3), 7, "Compte rendu de RCP.");
        }
        var ppsIndex = Array.IndexOf(path, PathwayPhase.CareProgramme);
        if (ppsIndex >= 0)
        {
            var at = At(dates[ppsIndex], 15);
            var transmission = Transmit(patientId, ObligationCode.C5, oncologist.Id, toGp, at, 7, "Programme personnalisé de soins.");
            Programme(patientId, episodeId, ProgrammeKind.Pps, caseId, oncologist, nurse, gp, at, dates[ppsIndex].AddDays(2), transmission, cancer);
        }
        if (treatmentIndex >= 0 && pharmacist is not null)
        {
            Transmit(patientId, ObligationCode.C8, oncologist.Id, [(gp.Id, "GeneralPractitioner"), (pharmacist.Id, "Pharmacist")], At(dates[treatmentIndex], 16), 2,
                "Protocole de traitement, complications fréquentes et conseils.");
            // A GP's event between cycles for some patients: one item of the team's queue, owned by the nurse coordinator.
            if (random.Next(5) == 0)
                Transmit(patientId, ObligationCode.C9, gp.Id, [(nurse.Id, "SpecialistTeam")],
                    At(dates[treatmentIndex].AddDays(random.Next(5, 60)), 18), 1, "Événement intercurrent entre deux cycles (grade 2).");
        }
        var palliativeIndex = Array.IndexOf(path, PathwayPhase.Palliative);
        if (palliativeIndex >= 0)
            Transmit(patientId, ObligationCode.C15, oncologist.Id, toGp, At(dates[palliativeIndex], 12), 2, "Entrée en phase palliative.");

        if (path[^1] is PathwayPhase.ActiveTreatment or PathwayPhase.SharedFollowUp) Steps(patientId, oncologist, gp);

        var followUpIndex = Array.IndexOf(path, PathwayPhase.SharedFollowUp);
        if (followUpIndex >= 0)
        {
            var start0 = dates[followUpIndex];
            var at = At(start0, 15);
            var ppac = Transmit(patientId, ObligationCode.C11, oncologist.Id, toGp, at, 7, "Programme personnalisé de l'après-cancer.");
            Transmit(patientId, ObligationCode.C12, oncologist.Id, toGp, at, 7, "Protocole de traitement et de surveillance.");
            // An event during follow-up for some patients (C13, to the team's queue), and now and then an early return
            // (C14: the queue's owner and the GP's copy).
            var followedDays = today.DayNumber - start0.DayNumber;
            if (followedDays > 1 && random.Next(10) == 0)
                Transmit(patientId, ObligationCode.C13, gp.Id, [(nurse.Id, "SpecialistTeam")], At(start0.AddDays(random.Next(1, followedDays)), 17), 3,
                    "Événement pendant le suivi (grade 2).");
            if (followedDays > 1 && random.Next(40) == 0)
                Transmit(patientId, ObligationCode.C14, oncologist.Id, [(nurse.Id, "SpecialistTeam"), (gp.Id, "GeneralPractitionerCopy")],
                    At(start0.AddDays(random.Next(1, followedDays)), 11), 1, "Retour précoce vers le spécialiste : élévation confirmée du marqueur.");
            Programme(patientId, episodeId, ProgrammeKind.Ppac, caseId, oncologist, nurse, gp, at, start0.AddDays(3), ppac, cancer);
            if (cancer.Protocol is { } family && path[^1] is PathwayPhase.SharedFollowUp or PathwayPhase.AfterCancer)
            {
                var code = family == "prostate" ? (random.Next(10) < 6 ? "prostate-prostatectomy" : "prostate-radiotherapy") : family;
                var radiotherapy = code switch { "breast" => random.Next(10) < 8, "prostate-radiotherapy" => true, "colorectal" => cancer.Site == "C20" && random.Next(2) == 0, _ => false };
                Enrol(patientId, code, protocols[code], start0, radiotherapy, gp, oncologist);
            }
        }
    }

    private (Guid Id, DateTimeOffset StartsAt) Meeting(Guid board, DateOnly registered, Hospital hospital)
    {
        // The board sits weekly on Tuesdays at 14:00 (Paris, taken as 13:00 UTC); a case goes to the next sitting.
        var day = registered.AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Tuesday) day = day.AddDays(1);
        if (meetings.TryGetValue((board, day), out var found)) return found;
        var startsAt = At(day, 13);
        var id = NewId();
        meetingsTable.Row().Id(id).Id(board).At(startsAt).Text("Salle de RCP").Text(startsAt < now ? "Held" : "Planned").Id(hospital.Secretary.Id);
        foreach (var p in new[] { hospital.Oncologists[0], hospital.Surgeons[0], hospital.Radiotherapists[0], hospital.Pathologists[0] })
            participants.Row().Id(NewId()).Id(id).Id(p.Id).Text(p.Name).Text(p.Specialty).Text(random.Next(4) == 0 ? "Remote" : "OnSite");
        meetings[(board, day)] = (id, startsAt);
        return (id, startsAt);
    }

    private Guid Transmit(Guid patientId, ObligationCode code, Guid sender, (Guid Id, string Kind)[] to, DateTimeOffset createdAt, int dueDays, string message)
    {
        var obligation = ObligationCatalogue.Get(code);
        var id = NewId();
        var dueAt = createdAt.AddDays(dueDays);
        var urgent = obligation.Urgent;
        transmissions.Row().Id(id).Id(patientId).Text(code.ToString()).Id(null).Text(obligation.WhatTravels.Length > 200 ? obligation.WhatTravels[..200] : obligation.WhatTravels)
            .Text(message).Id(sender).At(createdAt).At(dueAt).Bool(urgent);
        foreach (var (recipient, kind) in to)
        {
            if (recipient == sender) continue;
            // Old transmissions are nearly all acknowledged; recent ones are half waiting, some late.
            DateTimeOffset? ack = null;
            var age = (now - createdAt).TotalDays;
            var acknowledged = age > 30 ? random.Next(100) < 96 : age > 1 && random.Next(100) < 50;
            if (acknowledged)
            {
                ack = createdAt.AddHours(random.Next(2, Math.Max(3, (int)Math.Min(age * 24, dueDays * 24 * 1.5))));
                if (ack > now) ack = now.AddHours(-1);
            }
            DateTimeOffset? read = ack ?? (random.Next(3) == 0 && age > 1 ? createdAt.AddHours(random.Next(1, 24)) : null);
            var late = ack is null && dueAt <= now;
            recipients.Row().Id(NewId()).Id(id).Id(patientId).Id(recipient).Text(kind).At(dueAt).At(createdAt).At(createdAt.AddSeconds(random.Next(2, 120)))
                .At(null).At(read).At(ack).At(ack is null || ack > dueAt.AddDays(-1) ? dueAt.AddDays(-1) : null).At(late ? now.AddDays(-random.Next(0, 2)) : null)
                // A region in its steady state: a late team item was escalated when it fell late (the physician's copy row is not
                // generated), not left for the first scan after the load to escalate by the thousand.
                .At(late && kind == "SpecialistTeam" ? dueAt.AddMinutes(random.Next(1, 30)) : null);
        }
        return id;
    }

    private void Programme(Guid patientId, Guid episodeId, ProgrammeKind kind, Guid? caseId, User oncologist, User nurse, User gp, DateTimeOffset at,
        DateOnly handed, Guid transmission, Cancer cancer)
    {
        var start = DateOnly.FromDateTime(at.UtcDateTime);
        var content = kind == ProgrammeKind.Pps
            ? new ProgrammeContent(
                [
                    new TreatmentPhase(1, TreatmentKind.Surgery, $"Chirurgie — {cancer.Label}", start.AddDays(14), start.AddDays(15), "Bloc opératoire", 3,
                        "Douleur, lymphocèle", "Surveiller la cicatrice", null),
                    new TreatmentPhase(2, TreatmentKind.Chemotherapy, "Chimiothérapie adjuvante, 6 cures", start.AddDays(45), start.AddDays(150), "Hôpital de jour", null,
                        "Nausées, neutropénie fébrile", "Température au-delà de 38 °C : appeler l'IDE de coordination", null),
                ],
                [new PlannedAssessment("Bilan biologique", "Avant chaque cure")], "Soins de support proposés : diététique, activité physique adaptée.", null,
                [new ProgrammeContact(oncologist.Name, "Oncologue référent", null, "02 35 00 00 00"), new ProgrammeContact(nurse.Name, "IDE de coordination", null, "02 35 00 00 01"),
                 new ProgrammeContact(gp.Name, "Médecin traitant", null, null)])
            : new ProgrammeContent([], [new PlannedAssessment("Carnet de surveillance alternée", "Selon le référentiel")],
                "Forfait de soins de support après cancer.", "Reprise du travail à temps partiel thérapeutique.",
                [new ProgrammeContact(oncologist.Name, "Oncologue référent", null, "02 35 00 00 00"), new ProgrammeContact(gp.Name, "Médecin traitant", null, null)]);
        var gpAgreed = kind == ProgrammeKind.Ppac;
        programmes.Row().Id(NewId()).Id(patientId).Id(episodeId).Text(kind.ToString()).Id(NewId()).Int(1).Id(caseId).Text(JsonSerializer.Serialize(content, Json))
            .Id(oncologist.Id).At(at).Date(handed <= today ? handed : null).Id(null).Id(transmission).Bool(false).Bool(gpAgreed).At(gpAgreed ? at.AddDays(1) : null);
    }

    private void Enrol(Guid patientId, string code, (int Version, ProtocolDefinition Definition) protocol, DateOnly treatmentEnd, bool radiotherapy, User gp, User oncologist)
    {
        var enrolmentId = NewId();
        enrolments.Row().Id(enrolmentId).Id(patientId).Text(code).Int(protocol.Version).Date(treatmentEnd).Bool(radiotherapy).At(At(treatmentEnd, 15)).At(null);
        var calendar = SurveillanceCalendar.Generate(protocol.Definition, treatmentEnd, radiotherapy, 120);

        // The marker series: stable around a baseline; a few patients rise (their alerts come from the domain's rules).
        var marker = code == "breast" ? Marker.Ca153 : code == "colorectal" ? Marker.Cea : Marker.Psa;
        decimal baseline = marker switch
        {
            Marker.Ca153 => 10 + random.Next(0, 150) / 10m,
            Marker.Cea => 1 + random.Next(0, 25) / 10m,
            _ => code == "prostate-radiotherapy" ? 0.2m + random.Next(0, 80) / 100m : 0.01m + random.Next(0, 5) / 100m,
        };
        var rising = random.Next(100) < 4;
        var lab = Pick(Names.Laboratories);
        var otherLab = random.Next(100) < 3 ? Pick(Names.Laboratories) : null;
        var series = new List<(Guid Id, Observation Value)>();
        var rules = new EarlyReturnRuleSet(code, protocol.Version, protocol.Definition.Kind, protocol.Definition.Thresholds);
        var markerKind = marker switch { Marker.Ca153 => SurveillanceKind.Ca153, Marker.Cea => SurveillanceKind.Cea, _ => SurveillanceKind.Psa };
        var doneMarkers = calendar.Count(e => e.Kind == markerKind && e.Due < today.AddDays(-40));
        var markerIndex = 0;

        foreach (var entry in calendar)
        {
            var status = "Planned";
            DateOnly? doneOn = null;
            string? cancel = null;
            if (entry.Due < today.AddDays(-40))
            {
                var roll = random.Next(100);
                if (roll < 93) { status = "Done"; doneOn = entry.Due.AddDays(random.Next(0, 10)); }
                else if (roll < 95) { status = "Cancelled"; cancel = "Réalisé dans un autre établissement."; }
                // else: left planned, overdue on the GP's worklist
            }
            carnet.Row().Id(NewId()).Id(patientId).Id(enrolmentId).Date(entry.Due).Int(entry.Month).Text(entry.Kind.ToString()).Text(entry.Performer.ToString())
                .Text(status).Date(doneOn).Text(null).Text(cancel).At(entry.Due <= today ? At(entry.Due.AddDays(-7), 8) : null);
            if (status != "Done" || entry.Kind != markerKind) continue;

            markerIndex++;
            var factor = 1 + (decimal)(random.NextDouble() * 0.2 - 0.1);
            var value = baseline * factor;
            if (rising && markerIndex > doneMarkers - 3)
                value = baseline * (1 + 0.6m * (markerIndex - (doneMarkers - 3))) + (marker == Marker.Psa ? 0.15m * (markerIndex - (doneMarkers - 3)) : marker == Marker.Ca153 ? 12 : 2);
            value = Math.Round(value, marker == Marker.Ca153 ? 1 : 2);
            var laboratory = otherLab is not null && markerIndex > doneMarkers / 2 ? otherLab : lab;
            var effective = doneOn!.Value;
            var recordedAt = At(effective.AddDays(1), 7, random.Next(0, 600));
            var observation = Observation.Record(patientId, marker, value, marker.Unit(), effective, laboratory, today, recordedAt);
            var observationId = NewId();
            observations.Row().Id(observationId).Id(patientId).Text(marker.ToString()).Dec(value).Text(marker.Unit()).Date(effective).Text(laboratory).Dec(null).At(recordedAt);
            if (rising || otherLab is not null)
            {
                var raised = EarlyReturnRules.Evaluate(rules, new ObservationContext(treatmentEnd, [.. series.Select(s => s.Value)]), observation, effective.AddDays(1));
                foreach (var alert in raised)
                {
                    var handled = recordedAt < now.AddDays(-60);
                    alerts.Row().Id(NewId()).Id(patientId).Id(observationId).Text(alert.Rule).Int(alert.RuleVersion).Text(alert.ProtocolCode).Text(alert.Severity.ToString())
                        .Text(alert.Action.ToString()).Date(alert.Due).Text(alert.Explanation.Length > 2000 ? alert.Explanation[..2000] : alert.Explanation).At(recordedAt)
                        .Id(null).Id(null).At(handled ? recordedAt.AddDays(2) : null).Id(handled ? oncologist.Id : null);
                }
            }
            series.Add((observationId, observation));
        }
        _ = gp;
    }

    private async Task<Dictionary<string, Guid>> EnsureRolesAsync()
    {
        // Relais seeds its roles only with the demo data: a production database starts without them.
        await using var c = await source.OpenConnectionAsync();
        var roles = new Dictionary<string, Guid>();
        await using (var cmd = new NpgsqlCommand("SELECT \"Name\", \"Id\" FROM \"AspNetRoles\"", c))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) roles[r.GetString(0)] = r.GetGuid(1);
        string[] all = ["HospitalClinician", "NurseCoordinator", "GeneralPractitioner", "SupportiveCare", "Pharmacist", "TumorBoardSecretary",
            "QualityCoordinator", "Patient", "TrustedPerson", "Administrator"];
        foreach (var name in all.Where(n => !roles.ContainsKey(n)))
        {
            var id = NewId();
            await using var insert = new NpgsqlCommand("INSERT INTO \"AspNetRoles\" (\"Id\", \"Name\", \"NormalizedName\", \"ConcurrencyStamp\") VALUES ($1, $2, $3, $4)", c);
            insert.Parameters.Add(new() { Value = id });
            insert.Parameters.Add(new() { Value = name });
            insert.Parameters.Add(new() { Value = name.ToUpperInvariant() });
            insert.Parameters.Add(new() { Value = NewId().ToString() });
            await insert.ExecuteNonQueryAsync();
            roles[name] = id;
        }
        return roles;
    }

    private async Task<Dictionary<string, (int, ProtocolDefinition)>> ProtocolsAsync()
    {
        // The latest stored version of each shipped protocol; its definition is the domain's (same code).
        await using var c = await source.OpenConnectionAsync();
        var versions = new Dictionary<string, int>();
        await using (var cmd = new NpgsqlCommand("SELECT \"Code\", max(\"Version\") FROM \"Protocols\" GROUP BY \"Code\"", c))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) versions[r.GetString(0)] = r.GetInt32(1);
        var result = new Dictionary<string, (int, ProtocolDefinition)>();
        foreach (var definition in ShippedProtocols.All)
        {
            var code = definition.Code;
            if (!versions.TryGetValue(code, out var version))
                throw new InvalidOperationException($"Protocol '{code}' is not stored: start Relais once on this database.");
            result[code] = (version, definition);
        }
        return result;
    }

    private async Task ValidateProtocolsAsync(User specialist, User gp)
    {
        // A protocol is used only once validated by a specialist and a GP representative (as the demo does).
        await using var c = await source.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            UPDATE "Protocols" SET "SpecialistValidationRole" = 'Specialist', "SpecialistValidationBy" = $1, "SpecialistValidationName" = $2, "SpecialistValidationAt" = $5,
                "GpValidationRole" = 'GeneralPractitioner', "GpValidationBy" = $3, "GpValidationName" = $4, "GpValidationAt" = $5
            WHERE "SpecialistValidationAt" IS NULL OR "GpValidationAt" IS NULL
            """, c);
        cmd.Parameters.Add(new() { Value = specialist.Id });
        cmd.Parameters.Add(new() { Value = specialist.Name });
        cmd.Parameters.Add(new() { Value = gp.Id });
        cmd.Parameters.Add(new() { Value = gp.Name });
        cmd.Parameters.Add(new() { Value = now.AddYears(-11) });
        await cmd.ExecuteNonQueryAsync();
    }

    private Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (Guid's little-endian layout)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>
    /// A TOTP key as Identity generates one (20 bytes, base32: 32 characters), derived from the seed and the address: the
    /// driver reads it back from AspNetUserTokens to compute the codes.
    /// </summary>
    private string AuthenticatorKey(string email)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{options.Seed}:{email}"))[..20];
        var chars = new char[32];
        for (var i = 0; i < 32; i++)
        {
            var bit = i * 5;
            var value = ((bytes[bit / 8] << 8) | (bit / 8 + 1 < bytes.Length ? bytes[bit / 8 + 1] : 0)) >> (11 - bit % 8) & 31;
            chars[i] = alphabet[value];
        }
        return new string(chars);
    }

    private string Token(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        return string.Create(length, random, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = alphabet[r.Next(alphabet.Length)]; });
    }

    private string FirstName() => random.Next(2) == 0 ? Pick(Names.FemaleFirst) : Pick(Names.MaleFirst);

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private T PickWeighted<T>(IReadOnlyList<T> items, Func<T, int> weight)
    {
        var total = 0;
        foreach (var i in items) total += weight(i);
        var roll = random.Next(total);
        foreach (var i in items)
        {
            roll -= weight(i);
            if (roll < 0) return i;
        }
        return items[^1];
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minutes = 0) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero).AddMinutes(minutes);

    private Guid LaterId()
    {
        Span<byte> bytes = stackalloc byte[16];
        later.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static readonly string[] DeferralReasons =
    [
        "Neutropénie au bilan de la veille : cure décalée.", "Hôpital de jour saturé : cure décalée.", "Infection intercurrente : cure décalée.",
        "Patient hospitalisé dans un autre établissement.",
    ];

    /// <summary>
    /// Issue 15 point 2: the chemotherapy cycles of a patient in treatment, every 21 days from its start to six weeks ahead
    /// (those past done); one patient in twelve has the next cycle put off and waiting for its new date, one in forty a past
    /// cycle put off and re-scheduled.
    /// </summary>
    private void Cycles(Guid patientId, Guid episodeId, DateOnly start, Hospital hospital, User oncologist)
    {
        var cycles = new List<(Guid Id, DateOnly On)>();
        for (var on = start; on <= today.AddDays(42) && cycles.Count < 12; on = on.AddDays(21))
        {
            var id = LaterId();
            cycles.Add((id, on));
            appointments.Row().Id(id).Id(patientId).Text("ChemotherapyCycle").At(At(on, 8)).Id(hospital.Id).Text(null).Text(oncologist.Name).Bool(false)
                .Text(null).Text(null).Id(episodeId).Id(null).Int(null).Text(on < today ? "Done" : "Planned").Int(0).At(At(start.AddDays(-3), 10)).Id(oncologist.Id);
        }
        var next = cycles.FirstOrDefault(c => c.On >= today);
        if (next.Id != Guid.Empty && later.Next(12) == 0)
        {
            var decided = today.AddDays(-later.Next(0, 20));
            var priority = later.Next(3) switch { 0 => "High", 1 => "Medium", _ => "Low" };
            deferrals.Row().Id(LaterId()).Id(patientId).Text("Appointment").Id(next.Id).Date(next.On).Text(DeferralReasons[later.Next(DeferralReasons.Length)]).Text(priority)
                .Date(null).Id(oncologist.Id).At(At(decided, 14)).Date(decided).At(null).Id(null).Date(null);
        }
        var past = cycles.LastOrDefault(c => c.On < today.AddDays(-21));
        if (past.Id != Guid.Empty && later.Next(40) == 0)
        {
            var decided = past.On.AddDays(-1);
            deferrals.Row().Id(LaterId()).Id(patientId).Text("Appointment").Id(past.Id).Date(past.On).Text(DeferralReasons[later.Next(DeferralReasons.Length)]).Text("Medium")
                .Date(null).Id(oncologist.Id).At(At(decided, 14)).Date(decided).At(At(decided.AddDays(2), 9)).Id(oncologist.Id).Date(past.On.AddDays(7));
        }
    }

    /// <summary>
    /// Issue 15 point 3: one patient in six in treatment or follow-up has an administrative or social step planned — the end of
    /// a sick leave or an enteral nutrition renewal for the GP, an occupational certificate for the hospital team — due within
    /// the next two months, or already late.
    /// </summary>
    private void Steps(Guid patientId, User oncologist, User gp)
    {
        if (later.Next(6) != 0) return;
        var (kind, owner, by) = later.Next(3) switch
        {
            0 => ("SickLeaveEnd", "Gp", gp),
            1 => ("EnteralNutritionRenewal", "Gp", gp),
            _ => ("OccupationalCertificate", "HospitalTeam", oncologist),
        };
        var due = today.AddDays(later.Next(-20, 60));
        // Steady state: a step whose reminder day has passed was reminded that day (today's are left to today's scan).
        var remindOn = due.AddDays(-14);
        steps.Row().Id(LaterId()).Id(patientId).Text(kind).Text(owner).Text("Planned").Date(due).Date(remindOn).At(remindOn < today ? At(remindOn, 8) : null).Date(null)
            .Bool(null).Id(null).Text(null).At(At(due.AddDays(-90), 10)).Id(by.Id).Int(1);
    }

    private static string Ascii(string s) => SearchText.Normalize(s).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>
    /// The weekly toxicity questionnaire of a patient in treatment (issue 14), for up to 8 weeks: one answer in five fires a
    /// rule; the alerts of the last week are still open on the triage worklist, the older ones acted on by the nurse.
    /// </summary>
    private void SymptomReports(Guid patientId, DateOnly since, User nurse)
    {
        var definition = ToxicityQuestionnaire.Definition;
        var rules = definition.Rules;
        for (var week = 0; week < 8; week++)
        {
            var on = today.AddDays(-7 * week - random.Next(0, 3));
            if (on < since) break;
            var authored = At(on, 8, random.Next(0, 720));
            var rule = random.Next(5) == 0 ? rules[random.Next(rules.Count)] : null;
            var grade = rule is null ? random.Next(0, 3) : 3;
            var responseId = NewId();
            responses.Row().Id(responseId).Id(patientId).Text(definition.Code).Int(definition.Version).At(authored).Id(patientId)
                .Text($"[{{\"linkId\":\"fatigue\",\"raw\":\"{grade}\",\"value\":{grade},\"display\":\"{grade}\"}}]").Int(grade).Dec(null);
            if (rule is null) continue;
            var open = week == 0;
            var acted = open ? (DateTimeOffset?)null : authored.AddHours(2);
            // Steady state: an urgent alert still open was escalated when its delay ran out (to no one: the generated centres keep
            // no on-call roster), not left for the first scan after the load to escalate by the thousand.
            var escalated = open && rule.Severity == AlertSeverity.Urgent && authored.AddMinutes(30) <= now ? authored.AddMinutes(30) : (DateTimeOffset?)null;
            symptomAlerts.Row().Id(NewId()).Id(patientId).Id(responseId).Text(definition.Code).Int(definition.Version).Text(rule.Code).Text(rule.Title)
                .Text(rule.Severity.ToString()).Int(QuestionnaireEvaluation.Rank(rule.Severity)).Text(rule.TeamAction).Text(rule.PatientInstruction).Text(rule.Source)
                .At(authored).At(acted).Id(open ? null : nurse.Id).Text(open ? null : "Advice").Text(null).At(acted).Id(open ? null : nurse.Id).At(escalated).Id(null);
        }
    }
}
