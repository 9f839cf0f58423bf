using System.Text;

namespace Dual;

/// <summary>Type names as C# spells them (<c>Dual&lt;double&gt;</c>, not <c>Dual`1</c>), for error messages.</summary>
internal static class TypeNames
{
    public static string Of(Type type)
    {
        if (type.IsArray)
        {
            return Of(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }
        string? keyword = Keyword(type);
        if (keyword is not null)
        {
            return keyword;
        }
        if (!type.IsGenericType)
        {
            return type.Name;
        }
        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        var text = new StringBuilder(tick >= 0 ? name[..tick] : name).Append('<');
        Type[] arguments = type.GetGenericArguments();
        for (int i = 0; i < arguments.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }
            text.Append(Of(arguments[i]));
        }
        return text.Append('>').ToString();
    }

    private static string? Keyword(Type type)
    {
        if (type == typeof(double)) return "double";
        if (type == typeof(float)) return "float";
        if (type == typeof(decimal)) return "decimal";
        if (type == typeof(int)) return "int";
        if (type == typeof(long)) return "long";
        if (type == typeof(short)) return "short";
        if (type == typeof(byte)) return "byte";
        if (type == typeof(sbyte)) return "sbyte";
        if (type == typeof(uint)) return "uint";
        if (type == typeof(ulong)) return "ulong";
        if (type == typeof(ushort)) return "ushort";
        if (type == typeof(char)) return "char";
        if (type == typeof(bool)) return "bool";
        if (type == typeof(string)) return "string";
        if (type == typeof(object)) return "object";
        if (type == typeof(nint)) return "nint";
        if (type == typeof(nuint)) return "nuint";
        return null;
    }
}
