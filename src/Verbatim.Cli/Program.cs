Console.WriteLine("verbatim");
