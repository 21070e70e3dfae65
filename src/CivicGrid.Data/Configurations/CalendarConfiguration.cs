using CivicGrid.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data.Configurations;

/// <summary>The administrator-maintained special days of the working calendar (holidays, adjusted working days).</summary>
internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> day)
    {
        day.HasKey(d => d.Date);
        day.Property(d => d.Name).HasMaxLength(64);
    }
}
