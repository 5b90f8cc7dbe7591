"""Full-screen terminal views (Textual). Imported only by the commands that open one."""
