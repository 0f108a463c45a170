using ReformBot.Core.Departments;

namespace ReformBot.Core.Tests.Departments;

public class GenericUnitsTests
{
    [Theory]
    [InlineData("各县市区人民政府")]
    [InlineData("各县（市、区）人民政府")]
    [InlineData("各有关单位")]
    [InlineData("市直有关部门")]
    [InlineData("其他相关部门")]
    [InlineData("省直相关单位")]
    [InlineData("各地州市")]
    public void Units_naming_many_offices_are_generic(string name) => Assert.True(GenericUnits.IsGeneric(name));

    [Theory]
    [InlineData("科技厅")]
    [InlineData("自治区人民政府法制办")]
    [InlineData("相关援疆省市")]
    [InlineData("受援地州市")]
    [InlineData("市科技局")]
    public void Named_offices_are_not(string name) => Assert.False(GenericUnits.IsGeneric(name));
}
