print("dekom")
