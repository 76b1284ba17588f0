using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProtocolCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ProtocolVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionnaireCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Every = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChosenBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChosenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChosenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StoppedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    StoppedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
