using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TumorBoardsAndProgrammes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Announcements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GpContactedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    GpContext = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    GpContextAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MedicalTimeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MedicalTimePhysicianId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MedicalTimeExplained = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NursingTime = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NursingTimeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SupportiveCareNeeds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EpicesAnswers = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    EpicesScore = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    SocialWorkerOriented = table.Column<bool>(type: "INTEGER", nullable: true),
                    FertilityInformed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Tobacco = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CessationOffered = table.Column<bool>(type: "INTEGER", nullable: false),
                    TrustedPersonInformed = table.Column<bool>(type: "INTEGER", nullable: false),
                    AdvanceDirectivesInformed = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Announcements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Announcements_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "G8Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AgeAtAssessment = table.Column<int>(type: "INTEGER", nullable: false),
                    FoodIntake = table.Column<int>(type: "INTEGER", nullable: false),
                    WeightLoss = table.Column<int>(type: "INTEGER", nullable: false),
                    Mobility = table.Column<int>(type: "INTEGER", nullable: false),
                    Neuropsychological = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyMassIndex = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    MoreThanThreeMedications = table.Column<bool>(type: "INTEGER", nullable: false),
                    SelfRatedHealth = table.Column<decimal>(type: "TEXT", precision: 3, scale: 1, nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    FullAssessmentRecommended = table.Column<bool>(type: "INTEGER", nullable: false),
                    AssessedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_G8Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_G8Assessments_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Programmes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LineageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    TumorBoardCaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HandedToPatientOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TransmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Superseded = table.Column<bool>(type: "INTEGER", nullable: false),
                    GpAgreed = table.Column<bool>(type: "INTEGER", nullable: false),
                    GpAgreedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programmes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Programmes_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Programmes_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TumorBoards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Specialty = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Site = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Schedule = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsPaediatric = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExpectedSpecialtiesCsv = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TumorBoards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_TumorBoards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "TumorBoards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Specialty = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Presence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingParticipants_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TumorBoardCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PresentingPhysicianId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RegisteredOnlyReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    IsRecurrence = table.Column<bool>(type: "INTEGER", nullable: false),
                    G8AssessmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    GpContribution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    GpContributionBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    GpContributionAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Proposal = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Guideline = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    QuorumAtDecision = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    ReportDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RegisteredBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TumorBoardCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TumorBoardCases_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TumorBoardCases_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TumorBoardCases_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_EpisodeId",
                table: "Announcements",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_PatientId_EpisodeId",
                table: "Announcements",
                columns: new[] { "PatientId", "EpisodeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_G8Assessments_PatientId_AssessedOn",
                table: "G8Assessments",
                columns: new[] { "PatientId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingParticipants_MeetingId_ProfessionalId",
                table: "MeetingParticipants",
                columns: new[] { "MeetingId", "ProfessionalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_BoardId_StartsAt",
                table: "Meetings",
                columns: new[] { "BoardId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Status_StartsAt",
                table: "Meetings",
                columns: new[] { "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_EpisodeId",
                table: "Programmes",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_LineageId",
                table: "Programmes",
                column: "LineageId");

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_PatientId_Kind_CreatedAt",
                table: "Programmes",
                columns: new[] { "PatientId", "Kind", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TumorBoardCases_EpisodeId",
                table: "TumorBoardCases",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_TumorBoardCases_MeetingId_Status",
                table: "TumorBoardCases",
                columns: new[] { "MeetingId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TumorBoardCases_PatientId_RegisteredAt",
                table: "TumorBoardCases",
                columns: new[] { "PatientId", "RegisteredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Announcements");

            migrationBuilder.DropTable(
                name: "G8Assessments");

            migrationBuilder.DropTable(
                name: "MeetingParticipants");

            migrationBuilder.DropTable(
                name: "Programmes");

            migrationBuilder.DropTable(
                name: "TumorBoardCases");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "TumorBoards");
        }
    }
}
