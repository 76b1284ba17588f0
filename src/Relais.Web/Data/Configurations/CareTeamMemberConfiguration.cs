using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Data.Configurations;

public sealed class CareTeamMemberConfiguration : IEntityTypeConfiguration<CareTeamMember>
{
    public void Configure(EntityTypeBuilder<CareTeamMember> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Version).IsConcurrencyToken();
        // The access rule asks "is this professional in this patient's team today": one index seek.
        // The access rule as a query: a professional's patients today, read from the index alone (EndedAt included: without
        // it each of a nurse coordinator's ~1,900 rows was a heap fetch, 1,950 pages per worklist at 300,000 patients).
        // Role too, for the lists of a professional's teams by role (the team queue read 1,950 heap pages for it).
        builder.HasIndex(m => new { m.ProfessionalId, m.PatientId, m.From, m.To, m.EndedAt, m.Role }).HasDatabaseName("IX_CareTeamMembers_Professional_Periods");
        builder.HasIndex(m => m.PatientId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RelaisUser>().WithMany().HasForeignKey(m => m.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
    }
}
