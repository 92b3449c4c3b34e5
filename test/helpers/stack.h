/* The call chain of the -k helper, across stack_main.c, stack_f.c and stack_g.c. */
extern int out_fd;
void f0(int n);
void f1(int n);
void f2(int n);
void f3(int n);
void a_function_whose_name_is_far_longer_than_one_hundred_characters_so_that_no_fixed_buffer_can_hold_it_whole_0123456789(void);
