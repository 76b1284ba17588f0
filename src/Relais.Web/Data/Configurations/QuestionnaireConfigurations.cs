using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Patients;
using Relais.Domain.Questionnaires;

namespace Relais.Web.Data.Configurations;

/// <summary>Questionnaire definitions and answers are stored as JSON, the shape they are exchanged in.</summary>
public static class QuestionnaireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    public static ValueComparer<T> Comparer<T>() where T : class =>
        new((x, y) => Write(x) == Write(y), v => Write(v).GetHashCode(StringComparison.Ordinal), v => Read<T>(Write(v)));
}

public sealed class QuestionnaireVersionConfiguration : IEntityTypeConfiguration<QuestionnaireVersion>
{
    public void Configure(EntityTypeBuilder<QuestionnaireVersion> builder)
    {
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Revision).IsConcurrencyToken();
        builder.HasIndex(q => new { q.Code, q.Version }).IsUnique();
        builder.Property(q => q.Code).HasMaxLength(60);
        builder.Property(q => q.Definition)
            .HasConversion(d => QuestionnaireJson.Write(d), json => QuestionnaireJson.Read<QuestionnaireDefinition>(json), QuestionnaireJson.Comparer<QuestionnaireDefinition>())
            .HasColumnName("DefinitionJson");
        builder.OwnsOne(q => q.Validation, v =>
        {
            v.Property(x => x.By).HasColumnName("ValidatedBy");
            v.Property(x => x.Name).HasColumnName("ValidatedByName").HasMaxLength(200);
            v.Property(x => x.At).HasColumnName("ValidatedAt");
        });
        builder.Ignore(q => q.Status);
        builder.Ignore(q => q.Title);
    }
}

public sealed class QuestionnaireResponseConfiguration : IEntityTypeConfiguration<QuestionnaireResponse>
{
    public void Configure(EntityTypeBuilder<QuestionnaireResponse> builder)
    {
        builder.HasKey(r => r.Id);
        // The patient's answers to a questionnaire, latest first (the trend, the last answer of an assignment).
        builder.HasIndex(r => new { r.PatientId, r.QuestionnaireCode, r.AuthoredAt });
        builder.Property(r => r.QuestionnaireCode).HasMaxLength(60);
        builder.Property(r => r.Score).HasPrecision(9, 2);
        builder.Property(r => r.Answers)
            .HasConversion(a => QuestionnaireJson.Write(a), json => QuestionnaireJson.Read<List<Answer>>(json), QuestionnaireJson.Comparer<IReadOnlyList<Answer>>())
            .HasColumnName("AnswersJson");
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SymptomAlertConfiguration : IEntityTypeConfiguration<SymptomAlert>
{
    public void Configure(EntityTypeBuilder<SymptomAlert> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.PatientId, a.RaisedAt });
        builder.HasIndex(a => new { a.PatientId, a.ActionAt });
        // The triage worklist: the open alerts of the caller's patients (a seek per patient in an index of the open ones only).
        builder.HasIndex(a => a.PatientId, "IX_SymptomAlerts_Open").HasFilter("\"ActionAt\" IS NULL");
        // The escalation scan: urgent alerts neither acknowledged nor escalated, oldest first.
        builder.HasIndex(a => new { a.Rank, a.AcknowledgedAt, a.EscalatedAt, a.RaisedAt });
        builder.Property(a => a.QuestionnaireCode).HasMaxLength(60);
        builder.Property(a => a.Rule).HasMaxLength(80);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.TeamAction).HasMaxLength(1000);
        builder.Property(a => a.PatientInstruction).HasMaxLength(1000);
        builder.Property(a => a.Source).HasMaxLength(1000);
        builder.Property(a => a.ActionNote).HasMaxLength(1000);
        builder.Property(a => a.SuspectedDrug).HasMaxLength(SymptomAlert.MaxDrugLength);
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<QuestionnaireResponse>().WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class QuestionnaireAssignmentConfiguration : IEntityTypeConfiguration<QuestionnaireAssignment>
{
    public void Configure(EntityTypeBuilder<QuestionnaireAssignment> builder)
    {
        builder.HasKey(a => a.Id);
        // The patient's open assignments (the portal, the answer that closes them), and the reminder scan by due day.
        builder.HasIndex(a => new { a.PatientId, a.AnsweredAt, a.WithdrawnAt });
        builder.HasIndex(a => new { a.AnsweredAt, a.WithdrawnAt, a.DueOn });
        builder.Property(a => a.QuestionnaireCode).HasMaxLength(60);
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class FollowUpQuestionnairePlanConfiguration : IEntityTypeConfiguration<FollowUpQuestionnairePlan>
{
    public void Configure(EntityTypeBuilder<FollowUpQuestionnairePlan> builder)
    {
        builder.HasKey(p => p.Id);
        // The patient's plans (the record, the portal), and the reminder scan of the running ones.
        builder.HasIndex(p => new { p.PatientId, p.QuestionnaireCode });
        builder.HasIndex(p => new { p.StoppedAt, p.StartsOn });
        builder.Property(p => p.QuestionnaireCode).HasMaxLength(60);
        builder.Property(p => p.ProtocolCode).HasMaxLength(60);
        builder.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Relais.Domain.Surveillance.Enrolment>().WithMany().HasForeignKey(p => p.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class OnCallShiftConfiguration : IEntityTypeConfiguration<OnCallShift>
{
    public void Configure(EntityTypeBuilder<OnCallShift> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.OrganisationId, s.Starts });
    }
}
