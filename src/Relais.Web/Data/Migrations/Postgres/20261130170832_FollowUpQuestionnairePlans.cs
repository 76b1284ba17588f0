using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowUpQuestionnairePlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FollowUpQuestionnairePlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtocolCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ProtocolVersion = table.Column<int>(type: "integer", nullable: false),
                    QuestionnaireCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Every = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ChosenBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ChosenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChosenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StoppedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    StoppedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpQuestionnairePlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpQuestionnairePlans_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpQuestionnairePlans_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpQuestionnairePlans_EnrolmentId",
                table: "FollowUpQuestionnairePlans",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpQuestionnairePlans_PatientId_QuestionnaireCode",
                table: "FollowUpQuestionnairePlans",
                columns: new[] { "PatientId", "QuestionnaireCode" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpQuestionnairePlans_StoppedAt_StartsOn",
                table: "FollowUpQuestionnairePlans",
                columns: new[] { "StoppedAt", "StartsOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpQuestionnairePlans");
        }
    }
}
